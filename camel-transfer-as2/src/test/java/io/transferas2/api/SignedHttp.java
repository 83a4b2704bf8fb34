package io.transferas2.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw AWS JSON 1.1 requests, signed by the AWS SDK's own SigV4 signer, for what the typed TransferClient cannot send
 * (unknown operations, malformed JSON, members newer than SDK 2.35.0, skewed clocks).
 */
final class SignedHttp {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    SignedHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A request signed by the SDK's signer; {@code keyId} null sends it unsigned. */
    SdkHttpRequest sign(String target, String body, String keyId, String secret, String region, Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .applyMutation(b -> {
                    if (target != null) {
                        b.putHeader("X-Amz-Target", target);
                    }
                })
                .build();
        if (keyId == null) {
            return request;
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "transfer")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return signed.request();
    }

    HttpResponse<String> send(SdkHttpRequest request, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(v -> builder.header(header.getKey(), v));
            }
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String target, String body) throws Exception {
        SdkHttpRequest request = sign(target, body, ApiHarness.KEY_ID, ApiHarness.SECRET, "eu-west-1",
                Clock.systemUTC());
        return send(request, body);
    }
}
