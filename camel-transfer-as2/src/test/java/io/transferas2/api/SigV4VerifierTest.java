package io.transferas2.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SigV4 verification against requests signed by the AWS SDK's own signer. */
class SigV4VerifierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String BODY = "{\"ServerId\":\"s-0123456789abcdef0\"}";
    private final AccessKeys keys = AccessKeys.parse(ApiHarness.KEY_ID + ":" + ApiHarness.SECRET, null, v -> v);
    private final SigV4Verifier anyRegion = new SigV4Verifier(keys, null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsWhatTheSdkSignsIncludingEncodedPathsAndQueries() {
        SdkHttpRequest signed = sign(URI.create("http://127.0.0.1:8080/transfer%20api/v1"),
                Map.of("b", "2", "a", "x y/z"), ApiHarness.SECRET, NOW, "eu-central-1");
        assertThat(anyRegion.verify(request(signed, BODY))).isEqualTo(ApiHarness.KEY_ID);
    }

    @Test
    void rejectsAChangedBodyHeaderOrSecret() {
        SdkHttpRequest signed = sign(URI.create("http://127.0.0.1:8080/"), Map.of(), ApiHarness.SECRET, NOW,
                "us-east-1");
        assertInvalid(() -> anyRegion.verify(request(signed, BODY.replace("0123", "9999"))), "does not match");
        SdkHttpRequest otherTarget = signed.toBuilder().putHeader("X-Amz-Target", "TransferService.DeleteServer")
                .build();
        assertInvalid(() -> anyRegion.verify(request(otherTarget, BODY)), "does not match");
        SdkHttpRequest wrongSecret = sign(URI.create("http://127.0.0.1:8080/"), Map.of(), "not-the-secret", NOW,
                "us-east-1");
        assertInvalid(() -> anyRegion.verify(request(wrongSecret, BODY)), "does not match");
    }

    @Test
    void requiresTheOperationToBeSigned() {
        SdkHttpRequest unsignedTarget = sign(URI.create("http://127.0.0.1:8080/"), Map.of(), ApiHarness.SECRET, NOW,
                "us-east-1", false).toBuilder().putHeader("X-Amz-Target", "TransferService.DeleteServer").build();
        assertInvalid(() -> anyRegion.verify(request(unsignedTarget, BODY)), "SignedHeaders must include x-amz-target");
    }

    @Test
    void acceptsFifteenMinutesOfClockSkewEitherWay() {
        for (Duration offset : List.of(Duration.ofMinutes(14), Duration.ofMinutes(-14))) {
            SdkHttpRequest signed = sign(URI.create("http://h/"), Map.of(), ApiHarness.SECRET, NOW.plus(offset),
                    "us-east-1");
            assertThat(anyRegion.verify(request(signed, BODY))).isEqualTo(ApiHarness.KEY_ID);
        }
        for (Duration offset : List.of(Duration.ofMinutes(16), Duration.ofMinutes(-16))) {
            SdkHttpRequest signed = sign(URI.create("http://h/"), Map.of(), ApiHarness.SECRET, NOW.plus(offset),
                    "us-east-1");
            assertInvalid(() -> anyRegion.verify(request(signed, BODY)), "Signature expired");
        }
    }

    @Test
    void restrictsTheRegionWhenOneIsConfigured() {
        SigV4Verifier euOnly = new SigV4Verifier(keys, "eu-west-1", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(euOnly.verify(request(sign(URI.create("http://h/"), Map.of(), ApiHarness.SECRET, NOW,
                "eu-west-1"), BODY))).isEqualTo(ApiHarness.KEY_ID);
        assertInvalid(() -> euOnly.verify(request(sign(URI.create("http://h/"), Map.of(), ApiHarness.SECRET, NOW,
                "us-east-1"), BODY)), "region");
    }

    @Test
    void namesUnknownKeysAndMissingSignatures() {
        AccessKeys other = AccessKeys.parse("AKIAOTHERKEY00000000:x", null, v -> v);
        SigV4Verifier verifier = new SigV4Verifier(other, null, Clock.fixed(NOW, ZoneOffset.UTC));
        SdkHttpRequest signed = sign(URI.create("http://h/"), Map.of(), ApiHarness.SECRET, NOW, "us-east-1");
        assertThatThrownBy(() -> verifier.verify(request(signed, BODY)))
                .isInstanceOf(ApiProtocolException.class)
                .satisfies(e -> assertThat(((ApiProtocolException) e).errorType())
                        .isEqualTo("UnrecognizedClientException"))
                .satisfies(e -> assertThat(((ApiProtocolException) e).httpStatus()).isEqualTo(403));
        SdkHttpRequest unsigned = signed.toBuilder().removeHeader("Authorization").build();
        assertThatThrownBy(() -> anyRegion.verify(request(unsigned, BODY)))
                .satisfies(e -> assertThat(((ApiProtocolException) e).errorType())
                        .isEqualTo("MissingAuthenticationTokenException"));
    }

    @Test
    void accessKeysNeverShowTheirSecrets() {
        AccessKeys parsed = AccessKeys.parse("AKIAONE:first-secret, AKIATWO:{{two}}", "AKIATWO",
                v -> v.equals("{{two}}") ? "second-secret" : v);
        assertThat(parsed.toString()).contains("AKIAONE", "AKIATWO").doesNotContain("secret");
        assertThat(parsed.isReadOnly("AKIATWO")).isTrue();
        assertThat(parsed.isReadOnly("AKIAONE")).isFalse();
        assertThat(new String(parsed.signingSeed("AKIATWO").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("AWS4second-secret");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String text) {
        assertThatThrownBy(call).isInstanceOf(ApiProtocolException.class).hasMessageContaining(text)
                .satisfies(e -> assertThat(((ApiProtocolException) e).errorType())
                        .isEqualTo("InvalidSignatureException"));
    }

    private static SdkHttpRequest sign(URI uri, Map<String, String> query, String secret, Instant at, String region) {
        return sign(uri, query, secret, at, region, true);
    }

    private static SdkHttpRequest sign(URI uri, Map<String, String> query, String secret, Instant at, String region,
                                       boolean withTarget) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.1");
        if (withTarget) {
            builder.putHeader("X-Amz-Target", "TransferService.DescribeServer");
        }
        query.forEach(builder::putRawQueryParameter);
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ApiHarness.KEY_ID, secret))
                .request(builder.build())
                .payload(ContentStreamProvider.fromUtf8String(BODY))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "transfer")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
    }

    /** The request as the server sees it: the raw path and query as sent, headers looked up case-insensitively. */
    private static SigV4Verifier.SignedRequest request(SdkHttpRequest signed, String body) {
        String rawQuery = signed.getUri().getRawQuery();
        return new SigV4Verifier.SignedRequest("POST", signed.getUri().getRawPath(), rawQuery,
                name -> signed.firstMatchingHeader(name).map(List::of).orElse(null),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
