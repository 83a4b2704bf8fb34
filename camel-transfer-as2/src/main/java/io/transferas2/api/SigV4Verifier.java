package io.transferas2.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256} in the Authorization header) for service
 * {@code transfer}, the way AWS does: canonical request, string to sign, derived signing key, constant-time
 * comparison. The payload hash is always computed from the body received, so a signature also covers the body.
 */
public final class SigV4Verifier {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "transfer";
    /** AWS accepts requests whose X-Amz-Date is within 15 minutes of its clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private final AccessKeys keys;
    private final String region;
    private final Clock clock;

    /** {@code region} null accepts any region. */
    public SigV4Verifier(AccessKeys keys, String region, Clock clock) {
        this.keys = keys;
        this.region = region;
        this.clock = clock;
    }

    /** What the verifier needs of an HTTP request; header lookup is case-insensitive and may return null. */
    public record SignedRequest(String method, String rawPath, String rawQuery,
                                Function<String, List<String>> headers, byte[] body) {
    }

    /** Returns the access key ID of a valid signature, else throws the AWS error a client would get. */
    public String verify(SignedRequest request) {
        String authorization = single(request, "Authorization");
        if (authorization == null) {
            throw ApiProtocolException.missingToken("Missing Authentication Token: sign requests with AWS Signature"
                    + " Version 4");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw ApiProtocolException.invalidSignature("Only " + ALGORITHM + " signatures are accepted");
        }
        Map<String, String> parts = authorizationParts(authorization.substring(ALGORITHM.length() + 1));
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw ApiProtocolException.invalidSignature("Authorization header requires Credential, SignedHeaders and"
                    + " Signature");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw ApiProtocolException.invalidSignature("Credential must be"
                    + " AccessKeyId/date/region/service/aws4_request");
        }
        String accessKeyId = scope[0];
        byte[] seed = keys.signingSeed(accessKeyId).orElseThrow(() -> ApiProtocolException.unrecognizedClient(
                "The security token included in the request is invalid: unknown access key ID " + accessKeyId));
        try {
            String amzDate = requestDate(request);
            checkScope(scope, amzDate);
            List<String> headerNames = Arrays.asList(signedHeaders.split(";"));
            checkSignedHeaders(headerNames, request);
            String canonicalRequest = canonicalRequest(request, headerNames, signedHeaders);
            String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
            String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n"
                    + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
            byte[] key = hmac(seed, scope[1]);
            key = hmac(key, scope[2]);
            key = hmac(key, scope[3]);
            key = hmac(key, scope[4]);
            byte[] expected = hex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII))) {
                throw ApiProtocolException.invalidSignature("The request signature we calculated does not match the"
                        + " signature you provided. Check your AWS Secret Access Key and signing method.");
            }
            return accessKeyId;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private String requestDate(SignedRequest request) {
        String amzDate = single(request, "X-Amz-Date");
        if (amzDate == null) {
            throw ApiProtocolException.invalidSignature("X-Amz-Date is required");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiProtocolException.invalidSignature("X-Amz-Date '" + amzDate + "' is not yyyyMMddTHHmmssZ");
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw ApiProtocolException.invalidSignature("Signature expired: " + amzDate + " is more than "
                    + MAX_SKEW.toMinutes() + " minutes from the server time " + AMZ_DATE.format(
                            LocalDateTime.ofInstant(now, ZoneOffset.UTC)));
        }
        return amzDate;
    }

    private void checkScope(String[] scope, String amzDate) {
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            throw ApiProtocolException.invalidSignature("Credential date " + scope[1] + " does not match X-Amz-Date "
                    + amzDate);
        }
        if (region != null && !region.equals(scope[2])) {
            throw ApiProtocolException.invalidSignature("Credential should be scoped to a valid region: '" + scope[2]
                    + "' is not " + region);
        }
        if (!SERVICE.equals(scope[3])) {
            throw ApiProtocolException.invalidSignature("Credential should be scoped to correct service: '"
                    + SERVICE + "', not '" + scope[3] + "'");
        }
        if (!"aws4_request".equals(scope[4])) {
            throw ApiProtocolException.invalidSignature("Credential should be scoped with terminator aws4_request");
        }
    }

    private static void checkSignedHeaders(List<String> names, SignedRequest request) {
        // host binds the signature to this server, x-amz-target to the operation, x-amz-date to the time
        for (String required : List.of("host", "x-amz-date", "x-amz-target")) {
            if (!names.contains(required) && request.headers().apply(required) != null) {
                throw ApiProtocolException.invalidSignature("SignedHeaders must include " + required);
            }
        }
        if (!names.contains("host")) {
            throw ApiProtocolException.invalidSignature("SignedHeaders must include host");
        }
    }

    private static String canonicalRequest(SignedRequest request, List<String> headerNames, String signedHeaders) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method().toUpperCase(Locale.ROOT)).append('\n');
        canonical.append(canonicalUri(request.rawPath())).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : headerNames) {
            List<String> values = request.headers().apply(name);
            if (values == null) {
                throw ApiProtocolException.invalidSignature("Signed header " + name + " is missing from the request");
            }
            List<String> trimmed = new ArrayList<>();
            values.forEach(v -> trimmed.add(v.trim().replaceAll(" +", " ")));
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        canonical.append(payloadHash(request));
        return canonical.toString();
    }

    private static String payloadHash(SignedRequest request) {
        String actual = hex(sha256(request.body()));
        String declared = single(request, "X-Amz-Content-Sha256");
        if (declared != null && !declared.equalsIgnoreCase(actual)) {
            throw ApiProtocolException.invalidSignature("X-Amz-Content-Sha256 does not match the body: the payload"
                    + " must be signed");
        }
        return actual;
    }

    /** The path as sent, normalised and URI-encoded once more, as SigV4 does for every service but S3. */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.size() > 1) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(segment);
        }
        StringBuilder uri = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                uri.append('/');
            }
            uri.append(encode(segments.get(i)));
        }
        String result = uri.toString().replaceAll("/{2,}", "/");
        return result.startsWith("/") ? result : "/" + result;
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] { encode(decode(name)), encode(decode(value)) });
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    /** RFC 3986 encoding: unreserved characters stay, every other byte becomes %XX. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        try {
            return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Map<String, String> authorizationParts(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            if (eq > 0) {
                parts.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
            }
        }
        return parts;
    }

    private static String single(SignedRequest request, String name) {
        List<String> values = request.headers().apply(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
