package io.transferas2.api;

import java.util.Map;

import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.Protocol;

import io.transferas2.camel.EndpointType;
import io.transferas2.camel.TransferAs2Endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How transfer-as2:api starts: authentication required, the development flag, YAML routes, path and region. */
class TransferApiStartupTest {

    @Test
    void refusesToStartWithoutAccessKeysOrTheDevelopmentFlag() {
        assertThat(startFailure(Map.of())).hasMessageContaining("refuses to start without authentication")
                .hasMessageContaining("accessKeys").hasMessageContaining("allowUnauthenticatedApi");
    }

    @Test
    void rejectsBrokenKeyConfigurationWithoutEchoingSecrets() {
        assertThat(startFailure(Map.of("configuration.accessKeys", "AKIAONE:s3cr3t-value",
                "configuration.readOnlyAccessKeys", "AKIATWO")))
                .hasMessageContaining("AKIATWO is not one of accessKeys")
                .hasMessageNotContaining("s3cr3t-value");
        assertThat(startFailure(Map.of("configuration.accessKeys", "s3cr3t-without-id")))
                .hasMessageContaining("AccessKeyId:SecretAccessKey")
                .hasMessageNotContaining("s3cr3t-without-id");
    }

    @Test
    void arnsTakeTheSigningRegionWhenNoRegionIsSet() throws Exception {
        try (ApiHarness api = ApiHarness.start(Map.of("configuration.accessKeys", ApiHarness.KEY_ID + ":"
                + ApiHarness.SECRET, "configuration.signingRegion", "eu-west-1"), "transfer-as2:api")) {
            TransferClient client = api.noRetryClient(ApiHarness.KEY_ID, ApiHarness.SECRET);
            String server = client.createServer(b -> b.protocols(Protocol.AS2)).serverId();
            assertThat(client.describeServer(b -> b.serverId(server)).server().arn())
                    .isEqualTo("arn:aws:transfer:eu-west-1:000000000000:server/" + server);
        }
        try (ApiHarness api = ApiHarness.start(Map.of("configuration.accessKeys", ApiHarness.KEY_ID + ":"
                + ApiHarness.SECRET, "configuration.signingRegion", "eu-west-1", "region", "ap-south-1"),
                "transfer-as2:api")) {
            TransferClient client = api.noRetryClient(ApiHarness.KEY_ID, ApiHarness.SECRET);
            String server = client.createServer(b -> b.protocols(Protocol.AS2)).serverId();
            assertThat(client.describeServer(b -> b.serverId(server)).server().arn()).contains(":ap-south-1:");
        }
    }

    @Test
    void developmentFlagServesUnauthenticatedCalls() throws Exception {
        try (ApiHarness api = ApiHarness.start(Map.of(), "transfer-as2:api?allowUnauthenticatedApi=true")) {
            TransferClient anyone = api.noRetryClient("AKIAANYONE0000000000", "whatever");
            String server = anyone.createServer(b -> b.protocols(Protocol.AS2)).serverId();
            assertThat(api.component().transferRegistry().describeServer(server).isOnline()).isTrue();
            var unsigned = new SignedHttp(api.endpoint());
            var response = unsigned.send(unsigned.sign("TransferService.ListServers", "{}", null, null, null, null),
                    "{}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(server);
            assertThat(api.audit).allMatch(a -> "null".equals(a.get("accessKeyId")));
        }
    }

    @Test
    void yamlRouteWithPathRegionAndSecretFromAPlaceholder() throws Exception {
        try (ApiHarness api = ApiHarness.start(Map.of(), null)) {
            api.context.getPropertiesComponent().addInitialProperty("transfer.api.secret", ApiHarness.SECRET);
            String yaml = """
                    - from:
                        uri: transfer-as2:api
                        parameters:
                          apiPath: /transfer
                          accessKeys: "%s:{{transfer.api.secret}}"
                          signingRegion: eu-west-1
                        steps:
                          - log: "${header.CamelTransferAs2ApiOperation} by ${header.CamelTransferAs2ApiAccessKeyId}"
                    """.formatted(ApiHarness.KEY_ID);
            PluginHelper.getRoutesLoader(api.context).loadRoutes(ResourceHelper.fromString("api.camel.yaml", yaml));
            TransferAs2Endpoint endpoint = (TransferAs2Endpoint) api.context.getRoutes().get(0).getEndpoint();
            assertThat(endpoint.endpointType()).isEqualTo(EndpointType.API);
            assertThat(endpoint.getId()).isNull();

            TransferClient client = sdk(api, "/transfer", Region.EU_WEST_1);
            String server = client.createServer(b -> b.protocols(Protocol.AS2)).serverId();
            assertThat(client.describeServer(b -> b.serverId(server)).server().serverId()).isEqualTo(server);

            AwsServiceException wrongRegion = catchThrowableOfType(AwsServiceException.class,
                    () -> sdk(api, "/transfer", Region.US_EAST_1).listServers(b -> { }));
            assertThat(wrongRegion.statusCode()).isEqualTo(403);
            assertThat(wrongRegion.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(wrongRegion.awsErrorDetails().errorMessage()).contains("region");
            // only the configured path serves the API
            AwsServiceException wrongPath = catchThrowableOfType(AwsServiceException.class,
                    () -> sdk(api, "/", Region.EU_WEST_1).listServers(b -> { }));
            assertThat(wrongPath.statusCode()).isEqualTo(404);
        }
    }

    /** The innermost cause of the failed start: what the user reads at the bottom of the stack trace. */
    private static Throwable startFailure(Map<String, Object> options) {
        Throwable failure = catchThrowable(() -> ApiHarness.start(options, "transfer-as2:api").close());
        assertThat(failure).isNotNull();
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static TransferClient sdk(ApiHarness api, String path, Region region) {
        return TransferClient.builder()
                .endpointOverride(api.endpoint(path))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ApiHarness.KEY_ID,
                        ApiHarness.SECRET)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
