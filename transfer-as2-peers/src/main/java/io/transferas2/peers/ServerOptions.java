package io.transferas2.peers;

import java.time.Duration;
import java.util.Objects;

/**
 * How a harness server is set up. Build it with {@link #builder}.
 *
 * @param local            the server's station: AS2 id (AS2-To), decryption and MDN signing key
 * @param partner          the expected sender: AS2 id and the certificate its signatures must verify against
 * @param path             the request path the server listens on, e.g. {@code /as2}
 * @param port             the TCP port, {@code 0} for any free port
 * @param tls              serve HTTPS with {@code local}'s key and certificate
 * @param mdnSigning       algorithm the server signs MDNs with where the peer lets it choose (camel-as2); as2-lib
 *                         always uses the requested micalg
 * @param requireSigned    reject unsigned messages (camel-as2's behaviour when a verification chain is set)
 * @param requireEncrypted reject unencrypted messages (camel-as2's behaviour when a decryption key is set)
 * @param retainLimit      payloads up to this many bytes are kept in {@link ReceivedMessage#payload()}
 * @param hangTime         how long {@link ServerBehaviour#HANG} holds a request
 */
public record ServerOptions(PeerIdentity local, PartnerIdentity partner, String path, int port, boolean tls,
        Signing mdnSigning, boolean requireSigned, boolean requireEncrypted, int retainLimit, Duration hangTime) {

    public ServerOptions {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mdnSigning, "mdnSigning");
        Objects.requireNonNull(hangTime, "hangTime");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    public static Builder builder(PeerIdentity local, PartnerIdentity partner) {
        return new Builder(local, partner);
    }

    /** Builder for {@link ServerOptions}. */
    public static final class Builder {
        private final PeerIdentity local;
        private final PartnerIdentity partner;
        private String path = "/as2";
        private int port;
        private boolean tls;
        private Signing mdnSigning = Signing.SHA256;
        private boolean requireSigned;
        private boolean requireEncrypted;
        private int retainLimit = PayloadDigest.DEFAULT_RETAIN_LIMIT;
        private Duration hangTime = Duration.ofSeconds(30);

        private Builder(PeerIdentity local, PartnerIdentity partner) {
            this.local = local;
            this.partner = partner;
        }

        public Builder path(String value) {
            this.path = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder tls(boolean value) {
            this.tls = value;
            return this;
        }

        public Builder mdnSigning(Signing value) {
            this.mdnSigning = value;
            return this;
        }

        public Builder requireSigned(boolean value) {
            this.requireSigned = value;
            return this;
        }

        public Builder requireEncrypted(boolean value) {
            this.requireEncrypted = value;
            return this;
        }

        public Builder retainLimit(int value) {
            this.retainLimit = value;
            return this;
        }

        public Builder hangTime(Duration value) {
            this.hangTime = value;
            return this;
        }

        public ServerOptions build() {
            return new ServerOptions(local, partner, path, port, tls, mdnSigning, requireSigned, requireEncrypted,
                    retainLimit, hangTime);
        }
    }
}
