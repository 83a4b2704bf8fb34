package io.transferas2.peers;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One AS2 message to send: where, between whom, and how it is protected. Build it with {@link #builder}.
 *
 * @param url                    the receiver's URL ({@code http} or {@code https})
 * @param sender                 our station (AS2-From, signing key, MDN recipient)
 * @param receiver               the partner (AS2-To, encryption certificate, MDN verification certificate)
 * @param signing                signing algorithm, or {@link Signing#NONE}
 * @param encryption             encryption algorithm, or {@link Encryption#NONE}
 * @param compression            compression, or {@link Compression#DISABLED}
 * @param compressBeforeSigning  RFC 5402 order when both compression and signing are on
 * @param mdn                    which receipt to ask for
 * @param mdnSigning             the MIC algorithm of a signed MDN, or {@link Signing#NONE} for an unsigned one
 * @param expectContinue         send {@code Expect: 100-continue} (camel-as2 always does unless switched off here)
 * @param contentType            the payload's content type, e.g. {@code application/edi-x12}
 * @param fileName               the file name in Content-Disposition, or {@code null}
 * @param subject                the Subject header
 * @param basicAuthUser          HTTP Basic user, or {@code null}
 * @param basicAuthPassword      HTTP Basic password (never printed)
 * @param headers                extra HTTP headers
 * @param tlsTrust               the server certificate to trust for {@code https}, or {@code null}
 * @param connectTimeout         TCP connect timeout
 * @param readTimeout            how long to wait for the response
 */
public record SendRequest(URI url, PeerIdentity sender, PartnerIdentity receiver, Signing signing,
        Encryption encryption, Compression compression, boolean compressBeforeSigning, MdnMode mdn, Signing mdnSigning,
        boolean expectContinue, String contentType, String fileName, String subject, String basicAuthUser,
        String basicAuthPassword, Map<String, String> headers, X509Certificate tlsTrust, Duration connectTimeout,
        Duration readTimeout) {

    public SendRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(mdn, "mdn");
        Objects.requireNonNull(mdnSigning, "mdnSigning");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(subject, "subject");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** A request with the defaults: SHA256 + AES256_CBC, no compression, signed SYNC MDN with sha-256, Expect on. */
    public static Builder builder(URI url, PeerIdentity sender, PartnerIdentity receiver) {
        return new Builder(url, sender, receiver);
    }

    /** A copy to modify. */
    public Builder toBuilder() {
        Builder b = new Builder(url, sender, receiver);
        b.signing = signing;
        b.encryption = encryption;
        b.compression = compression;
        b.compressBeforeSigning = compressBeforeSigning;
        b.mdn = mdn;
        b.mdnSigning = mdnSigning;
        b.expectContinue = expectContinue;
        b.contentType = contentType;
        b.fileName = fileName;
        b.subject = subject;
        b.basicAuthUser = basicAuthUser;
        b.basicAuthPassword = basicAuthPassword;
        b.headers.putAll(headers);
        b.tlsTrust = tlsTrust;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        return b;
    }

    /** Whether a signed MDN is asked for. */
    public boolean signedMdnRequested() {
        return mdn != MdnMode.NONE && mdnSigning.enabled();
    }

    /** The algorithms as one short label, e.g. {@code SHA256/AES256_CBC/ZLIB-before/SYNC-signed}. */
    public String label() {
        String c = compression.enabled() ? compression + (compressBeforeSigning ? "-before" : "-after") : "DISABLED";
        return signing + "/" + encryption + "/" + c + "/" + mdn + (signedMdnRequested() ? "-signed" : "")
               + (expectContinue ? "" : "/no-expect");
    }

    @Override
    public String toString() {
        return "SendRequest[" + url + " " + sender.as2Id() + "->" + receiver.as2Id() + " " + label()
               + (basicAuthUser == null ? "" : " basicAuth=" + basicAuthUser + ":<hidden>") + "]";
    }

    /** Builder for {@link SendRequest}. */
    public static final class Builder {
        private final URI url;
        private final PeerIdentity sender;
        private final PartnerIdentity receiver;
        private Signing signing = Signing.SHA256;
        private Encryption encryption = Encryption.AES256_CBC;
        private Compression compression = Compression.DISABLED;
        private boolean compressBeforeSigning = true;
        private MdnMode mdn = MdnMode.SYNC;
        private Signing mdnSigning = Signing.SHA256;
        private boolean expectContinue = true;
        private String contentType = "application/edi-x12";
        private String fileName = "order.x12";
        private String subject = "AS2 message";
        private String basicAuthUser;
        private String basicAuthPassword;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private X509Certificate tlsTrust;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(60);

        private Builder(URI url, PeerIdentity sender, PartnerIdentity receiver) {
            this.url = url;
            this.sender = sender;
            this.receiver = receiver;
        }

        public Builder signing(Signing value) {
            this.signing = value;
            return this;
        }

        public Builder encryption(Encryption value) {
            this.encryption = value;
            return this;
        }

        public Builder compression(Compression value) {
            this.compression = value;
            return this;
        }

        public Builder compressBeforeSigning(boolean value) {
            this.compressBeforeSigning = value;
            return this;
        }

        public Builder mdn(MdnMode value) {
            this.mdn = value;
            return this;
        }

        public Builder mdnSigning(Signing value) {
            this.mdnSigning = value;
            return this;
        }

        public Builder expectContinue(boolean value) {
            this.expectContinue = value;
            return this;
        }

        public Builder contentType(String value) {
            this.contentType = value;
            return this;
        }

        public Builder fileName(String value) {
            this.fileName = value;
            return this;
        }

        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        public Builder basicAuth(String user, String password) {
            this.basicAuthUser = user;
            this.basicAuthPassword = password;
            return this;
        }

        public Builder header(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        public Builder tlsTrust(X509Certificate value) {
            this.tlsTrust = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public SendRequest build() {
            return new SendRequest(url, sender, receiver, signing, encryption, compression, compressBeforeSigning, mdn,
                    mdnSigning, expectContinue, contentType, fileName, subject, basicAuthUser, basicAuthPassword,
                    headers, tlsTrust, connectTimeout, readTimeout);
        }
    }
}
