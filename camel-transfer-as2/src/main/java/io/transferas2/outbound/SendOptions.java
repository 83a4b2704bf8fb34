package io.transferas2.outbound;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.transferas2.as2.CompressionOrder;
import io.transferas2.as2.TransferEncoding;

/**
 * How a connector send behaves on the wire, beyond what the connector itself configures: timeouts, concurrency,
 * framing and interop knobs. Immutable; build with {@link #builder()}. Defaults follow AWS where AWS says anything.
 *
 * @param connectTimeout      TCP (and TLS) connect timeout
 * @param readTimeout         longest silence while waiting for the partner's answer (socket timeout)
 * @param maxInFlight         sends in progress per connector; AWS's quota is 100
 * @param transferEncoding    Content-Transfer-Encoding of the entities inside the S/MIME layers
 * @param chunked             chunked transfer coding instead of Content-Length
 * @param expectContinue      send {@code Expect: 100-continue}
 * @param algorithmProtection add the CMS algorithm-protection attribute (RFC 6211) to signatures
 * @param compressionOrder    compress before signing (AWS, RFC 5402) or after
 * @param messageIdDomain     the part after {@code @} in Message-IDs; null derives it from the connector ID
 * @param asyncMdnTimeout     how long an ASYNC send waits for its MDN before it fails
 * @param tempDirectory       where built messages are spooled; null for the JVM's temp directory
 * @param userAgent           the User-Agent header
 */
public record SendOptions(Duration connectTimeout, Duration readTimeout, int maxInFlight,
                          TransferEncoding transferEncoding, boolean chunked, boolean expectContinue,
                          boolean algorithmProtection, CompressionOrder compressionOrder, String messageIdDomain,
                          Duration asyncMdnTimeout, Path tempDirectory, String userAgent) {

    /** The User-Agent sent when none is configured. */
    public static final String DEFAULT_USER_AGENT = "camel-transfer-as2";

    public SendOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(transferEncoding, "transferEncoding");
        Objects.requireNonNull(compressionOrder, "compressionOrder");
        Objects.requireNonNull(asyncMdnTimeout, "asyncMdnTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("connect and read timeouts must be positive");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        if (asyncMdnTimeout.isNegative() || asyncMdnTimeout.isZero()) {
            throw new IllegalArgumentException("asyncMdnTimeout must be positive");
        }
        if (messageIdDomain != null && !messageIdDomain.matches("[A-Za-z0-9.\\-_]{1,128}")) {
            throw new IllegalArgumentException("messageIdDomain must be 1-128 letters, digits, dots, hyphens or"
                    + " underscores, was '" + messageIdDomain + "'");
        }
        if (userAgent == null || userAgent.isBlank()) {
            userAgent = DEFAULT_USER_AGENT;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link SendOptions}, preset with the defaults. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(350);
        private int maxInFlight = 100;
        private TransferEncoding transferEncoding = TransferEncoding.BINARY;
        private boolean chunked;
        private boolean expectContinue;
        private boolean algorithmProtection = true;
        private CompressionOrder compressionOrder = CompressionOrder.BEFORE_SIGNING;
        private String messageIdDomain;
        private Duration asyncMdnTimeout = Duration.ofDays(1);
        private Path tempDirectory;
        private String userAgent = DEFAULT_USER_AGENT;

        private Builder() {
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder maxInFlight(int value) {
            this.maxInFlight = value;
            return this;
        }

        public Builder transferEncoding(TransferEncoding value) {
            this.transferEncoding = value;
            return this;
        }

        public Builder chunked(boolean value) {
            this.chunked = value;
            return this;
        }

        public Builder expectContinue(boolean value) {
            this.expectContinue = value;
            return this;
        }

        public Builder algorithmProtection(boolean value) {
            this.algorithmProtection = value;
            return this;
        }

        public Builder compressionOrder(CompressionOrder value) {
            this.compressionOrder = value;
            return this;
        }

        public Builder messageIdDomain(String value) {
            this.messageIdDomain = value;
            return this;
        }

        public Builder asyncMdnTimeout(Duration value) {
            this.asyncMdnTimeout = value;
            return this;
        }

        public Builder tempDirectory(Path value) {
            this.tempDirectory = value;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public SendOptions build() {
            return new SendOptions(connectTimeout, readTimeout, maxInFlight, transferEncoding, chunked,
                    expectContinue, algorithmProtection, compressionOrder, messageIdDomain, asyncMdnTimeout,
                    tempDirectory, userAgent);
        }
    }
}
