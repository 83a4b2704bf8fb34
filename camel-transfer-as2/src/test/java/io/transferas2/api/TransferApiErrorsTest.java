package io.transferas2.api;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.AccessDeniedException;
import software.amazon.awssdk.services.transfer.model.InternalServiceErrorException;
import software.amazon.awssdk.services.transfer.model.InvalidNextTokenException;
import software.amazon.awssdk.services.transfer.model.InvalidRequestException;
import software.amazon.awssdk.services.transfer.model.ProfileType;
import software.amazon.awssdk.services.transfer.model.Protocol;
import software.amazon.awssdk.services.transfer.model.ResourceExistsException;
import software.amazon.awssdk.services.transfer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.transfer.model.TransferException;

import io.transferas2.model.TransferJson;
import io.transferas2.registry.TransferRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every error of the API as the AWS SDK surfaces it (exception class, error code, HTTP status), and the protocol
 * errors a hand-made request gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferApiErrorsTest {
    private ApiHarness api;
    private TransferClient client;
    private SignedHttp raw;

    @BeforeAll
    void start() throws Exception {
        api = ApiHarness.start();
        client = api.noRetryClient(ApiHarness.KEY_ID, ApiHarness.SECRET);
        raw = new SignedHttp(api.endpoint());
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    @Test
    void resourceNotFound() {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> client.describeConnector(b -> b.connectorId("c-0123456789abcdef0")));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("c-0123456789abcdef0");
        assertThat(e.resource()).isEqualTo("c-0123456789abcdef0");
        assertThat(e.resourceType()).isEqualTo("Connector");
        assertThat(e.requestId()).isNotBlank();
    }

    @Test
    void invalidRequestNamesTheField() {
        String local = client.createProfile(b -> b.as2Id("ERR-LOCAL").profileType(ProfileType.LOCAL)).profileId();
        String partner = client.createProfile(b -> b.as2Id("ERR-PARTNER").profileType(ProfileType.PARTNER))
                .profileId();
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> client.createConnector(b -> b.url("ftp://partner.example.com/as2")
                        .accessRole("arn:aws:iam::000000000000:role/as2")
                        .as2Config(c -> c.localProfileId(local).partnerProfileId(partner))));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).contains("Url").contains("http or https");
        // profile types are checked against the registry, the same rule as for a registry file
        assertThatThrownBy(() -> client.createConnector(b -> b.url("https://partner.example.com/as2")
                .accessRole("arn:aws:iam::000000000000:role/as2")
                .as2Config(c -> c.localProfileId(partner).partnerProfileId(local))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("expected LOCAL");
    }

    @Test
    void resourceExistsForAnAmbiguousAgreement() {
        String server = client.createServer(b -> b.protocols(Protocol.AS2)).serverId();
        String local = client.createProfile(b -> b.as2Id("EXISTS-LOCAL").profileType(ProfileType.LOCAL))
                .profileId();
        String partner = client.createProfile(b -> b.as2Id("EXISTS-PARTNER").profileType(ProfileType.PARTNER))
                .profileId();
        String first = client.createAgreement(b -> b.serverId(server).localProfileId(local)
                .partnerProfileId(partner)
                        .accessRole("arn:aws:iam::000000000000:role/as2").baseDirectory("/bucket/in")).agreementId();
        ResourceExistsException e = catchThrowableOfType(ResourceExistsException.class,
                () -> client.createAgreement(b -> b.serverId(server).localProfileId(local)
                        .partnerProfileId(partner)
                                .accessRole("arn:aws:iam::000000000000:role/as2").baseDirectory("/bucket/other")));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.resource()).isEqualTo(first);
        assertThat(e.resourceType()).isEqualTo("Agreement");
    }

    @Test
    void internalServiceErrorWhenTheChangeCannotBePersisted() {
        TransferRegistry registry = api.component().transferRegistry();
        registry.setStore(snapshot -> {
            throw new IllegalStateException("disk full");
        });
        try {
            InternalServiceErrorException e = catchThrowableOfType(InternalServiceErrorException.class,
                    () -> client.createProfile(b -> b.as2Id("NOT-SAVED").profileType(ProfileType.PARTNER)));
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServiceError");
            assertThat(e.awsErrorDetails().errorMessage()).contains("not applied");
        } finally {
            registry.setStore(null);
        }
        assertThat(client.listProfiles(b -> { }).profiles()).extracting(p -> p.as2Id()).doesNotContain("NOT-SAVED");
    }

    @Test
    void accessDeniedForAReadOnlyKeyThatWrites() {
        TransferClient readOnly = api.noRetryClient(ApiHarness.READ_ONLY_KEY_ID, ApiHarness.READ_ONLY_SECRET);
        assertThat(readOnly.listServers(b -> { }).servers()).isNotNull();
        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
                () -> readOnly.createServer(b -> b.protocols(Protocol.AS2)));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).contains("read-only").contains("CreateServer");
    }

    @Test
    void invalidNextToken() {
        InvalidNextTokenException e = catchThrowableOfType(InvalidNextTokenException.class,
                () -> client.listConnectors(b -> b.nextToken("not-a-token")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextTokenException");
        // the model's range rule: AWS answers ValidationException, which no SDK models as a type
        TransferException range = catchThrowableOfType(TransferException.class,
                () -> client.listConnectors(b -> b.maxResults(1001)));
        assertThat(range.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(range.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '1001' at"
                + " 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
    }

    @Test
    void wrongSecretIsRejectedWith403() {
        TransferClient wrong = api.noRetryClient(ApiHarness.KEY_ID, ApiHarness.SECRET + "x");
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                () -> wrong.listServers(b -> { }));
        assertThat(e).isInstanceOf(TransferException.class);
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("signature").doesNotContain(ApiHarness.SECRET);
        // with the SDK's standard retries too: a bad signature is not retried into success
        TransferClient wrongRetrying = api.client(ApiHarness.KEY_ID, "another-wrong-secret",
                software.amazon.awssdk.awscore.retry.AwsRetryStrategy.defaultRetryStrategy());
        TransferException retried = catchThrowableOfType(TransferException.class,
                () -> wrongRetrying.createServer(b -> b.protocols(Protocol.AS2)));
        assertThat(retried.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(api.audit).filteredOn(a -> "CreateServer".equals(a.get("operation"))
                && Integer.valueOf(200).equals(a.get("status")) && "null".equals(a.get("accessKeyId"))).isEmpty();
    }

    @Test
    void unknownAccessKeyIsRejectedWith403() {
        TransferClient unknown = api.noRetryClient("AKIAUNKNOWNKEY000000", ApiHarness.SECRET);
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> unknown.listServers(b -> { }));
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
    }

    @Test
    void unsignedRequestIsRejected() throws Exception {
        var request = raw.sign("TransferService.ListServers", "{}", null, null, null, null);
        HttpResponse<String> response = raw.send(request, "{}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorType(response)).isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void expiredSignatureIsRejected() throws Exception {
        Clock twentyMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        var request = raw.sign("TransferService.ListServers", "{}", ApiHarness.KEY_ID, ApiHarness.SECRET,
                "eu-west-1", twentyMinutesAgo);
        HttpResponse<String> response = raw.send(request, "{}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorType(response)).isEqualTo("InvalidSignatureException");
        assertThat(message(response)).contains("Signature expired");
        Clock tenMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        var recent = raw.sign("TransferService.ListServers", "{}", ApiHarness.KEY_ID, ApiHarness.SECRET,
                "eu-west-1", tenMinutesAgo);
        assertThat(raw.send(recent, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyChangedAfterSigningIsRejected() throws Exception {
        var request = raw.sign("TransferService.CreateServer", "{}", ApiHarness.KEY_ID, ApiHarness.SECRET,
                "eu-west-1", Clock.systemUTC());
        HttpResponse<String> response = raw.send(request, "{\"Protocols\":[\"AS2\"]}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorType(response)).isEqualTo("InvalidSignatureException");
    }

    @Test
    void unknownOperation() throws Exception {
        HttpResponse<String> response = raw.send("TransferService.CreateUser", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorType(response)).isEqualTo("UnknownOperationException");
        assertThat(raw.send("DynamoDB_20120810.ListTables", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void malformedJson() throws Exception {
        HttpResponse<String> response = raw.send("TransferService.CreateServer", "{\"Protocols\": [\"AS2\"");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorType(response)).isEqualTo("SerializationException");
        HttpResponse<String> array = raw.send("TransferService.CreateServer", "[]");
        assertThat(errorType(array)).isEqualTo("SerializationException");
        HttpResponse<String> wrongType = raw.send("TransferService.DescribeServer", "{\"ServerId\": 42}");
        assertThat(errorType(wrongType)).isEqualTo("SerializationException");
    }

    @Test
    void unknownMembersAndEnumValuesAreNamed() throws Exception {
        HttpResponse<String> typo = raw.send("TransferService.CreateProfile",
                "{\"As2Id\": \"X\", \"ProfileType\": \"LOCAL\", \"CertificateId\": []}");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(errorType(typo)).isEqualTo("InvalidRequestException");
        assertThat(message(typo)).contains("CertificateId").contains("CertificateIds");
        HttpResponse<String> badEnum = raw.send("TransferService.CreateProfile",
                "{\"As2Id\": \"X\", \"ProfileType\": \"REMOTE\"}");
        assertThat(errorType(badEnum)).isEqualTo("ValidationException");
        assertThat(message(badEnum)).contains("'REMOTE' at 'profileType'").contains("[LOCAL, PARTNER]");
        HttpResponse<String> nested = raw.send("TransferService.CreateConnector",
                "{\"Url\": \"https://p.example.com\", \"As2Config\": {\"SigningAlgorithm\": \"MD5\"}}");
        assertThat(errorType(nested)).isEqualTo("ValidationException");
        assertThat(message(nested)).contains("at 'as2Config.signingAlgorithm'").contains("SHA256")
                .contains("at 'accessRole'");
    }

    @Test
    void importCertificateTakesPemTextNotServerFiles() throws Exception {
        HttpResponse<String> response = raw.send("TransferService.ImportCertificate",
                "{\"Usage\": \"SIGNING\", \"Certificate\": \"file:/etc/hostname\"}");
        assertThat(errorType(response)).isEqualTo("InvalidRequestException");
        assertThat(message(response)).contains("PEM text");
        HttpResponse<String> placeholder = raw.send("TransferService.ImportCertificate",
                "{\"Usage\": \"SIGNING\", \"Certificate\": \"-----BEGIN CERTIFICATE-----\", \"PrivateKey\":"
                + " \"{{env:HOME}}\"}");
        assertThat(message(placeholder)).contains("PrivateKey must be PEM text");
    }

    @Test
    void responsesCarryTheAwsHeadersAndNoRequestHeaders() throws Exception {
        HttpResponse<String> ok = raw.send("TransferService.ListServers", "{}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(ok.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(ok.headers().firstValue("Date")).isPresent();
        assertThat(ok.headers().map().keySet()).allMatch(name -> java.util.Set.of(":status", "content-length",
                "content-type", "x-amzn-requestid", "date").contains(name.toLowerCase()));
        assertThat(ok.headers().firstValue("Authorization")).isEmpty();
        assertThat(ok.headers().firstValue("X-Amz-Target")).isEmpty();
        HttpResponse<String> error = raw.send("TransferService.DescribeServer",
                "{\"ServerId\": \"s-00000000000000000\"}");
        assertThat(error.headers().firstValue("X-Amzn-ErrorType")).hasValue("ResourceNotFoundException");
    }

    private static String errorType(HttpResponse<String> response) throws Exception {
        JsonNode body = TransferJson.wire().readTree(response.body());
        return body.path("__type").asText();
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return TransferJson.wire().readTree(response.body()).path("Message").asText();
    }
}
