package io.transferas2.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.transfer.TransferClient;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;

/**
 * A CamelContext serving {@code transfer-as2:api} on a Vert.x platform-http server on a free loopback port, and AWS
 * SDK TransferClients pointed at it. Component options come as Camel property names.
 */
final class ApiHarness implements AutoCloseable {
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+/=";
    static final String READ_ONLY_KEY_ID = "AKIAREADONLYEXAMPLE1";
    static final String READ_ONLY_SECRET = "readOnlySecret/Example+Key0123456789abcd";

    final CamelContext context;
    final int port;
    final List<Map<String, Object>> audit = new CopyOnWriteArrayList<>();
    private final List<TransferClient> clients = new ArrayList<>();

    private ApiHarness(CamelContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /**
     * Starts a context whose component has {@code componentOptions}, an API route from {@code apiUri} (none when null)
     * that records the audit exchanges, and the given routes.
     */
    static ApiHarness start(Map<String, Object> componentOptions, String apiUri, RouteBuilder... routes)
            throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(conf));
        TransferAs2Component component = new TransferAs2Component();
        context.addComponent("transfer-as2", component);
        org.apache.camel.support.PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                .withProperties(new java.util.HashMap<>(componentOptions)).withRemoveParameters(false).bind();
        ApiHarness harness = new ApiHarness(context, port);
        if (apiUri != null) {
            context.addRoutes(apiRoute(apiUri, harness));
        }
        for (RouteBuilder route : routes) {
            context.addRoutes(route);
        }
        try {
            context.start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return harness;
    }

    private static RouteBuilder apiRoute(String apiUri, ApiHarness harness) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(apiUri).routeId("api").process(e -> harness.audit.add(Map.of(
                        "operation", String.valueOf(e.getMessage().getHeader(TransferAs2Constants.API_OPERATION)),
                        "status", e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE),
                        "accessKeyId", String.valueOf(e.getMessage().getHeader(
                                TransferAs2Constants.API_ACCESS_KEY_ID)),
                        "errorType", String.valueOf(e.getMessage().getHeader(TransferAs2Constants.API_ERROR_TYPE)),
                        "body", e.getMessage().getBody(String.class))));
            }
        };
    }

    static ApiHarness start(RouteBuilder... routes) throws Exception {
        return start(Map.of("configuration.accessKeys", KEY_ID + ":" + SECRET + "," + READ_ONLY_KEY_ID + ":"
                + READ_ONLY_SECRET, "configuration.readOnlyAccessKeys", READ_ONLY_KEY_ID), "transfer-as2:api",
                routes);
    }

    URI endpoint() {
        return endpoint("/");
    }

    URI endpoint(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    TransferAs2Component component() {
        return context.getComponent("transfer-as2", TransferAs2Component.class);
    }

    /** A client with the SDK's standard retries. */
    TransferClient client() {
        return client(KEY_ID, SECRET, AwsRetryStrategy.forRetryMode(RetryMode.STANDARD));
    }

    /** A client that does not retry, so each error reaches the test as the SDK surfaces it. */
    TransferClient noRetryClient(String keyId, String secret) {
        return client(keyId, secret, AwsRetryStrategy.doNotRetry());
    }

    TransferClient client(String keyId, String secret, RetryStrategy retryStrategy) {
        TransferClient client = TransferClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy))
                .build();
        clients.add(client);
        return client;
    }

    @Override
    public void close() throws Exception {
        clients.forEach(TransferClient::close);
        context.close();
    }
}
