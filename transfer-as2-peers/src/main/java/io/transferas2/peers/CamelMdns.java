package io.transferas2.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;

import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.AS2ServerConnection;
import org.apache.camel.component.as2.api.AS2SignatureAlgorithm;
import org.apache.camel.component.as2.api.AS2SignedDataGenerator;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.DispositionNotificationMultipartReportEntity;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartMimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.api.util.EntityUtils;
import org.apache.camel.component.as2.api.util.MicUtils;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/** Reading and (for the misbehaving-server faults) rebuilding MDNs held in camel-as2's entity model. */
final class CamelMdns {

    private CamelMdns() {
    }

    /** The disposition and MIC an MDN entity carries. */
    record Answer(String disposition, String mic) {
    }

    /** camel parses entities eagerly; writing one back out gives the bytes it was parsed from. */
    static byte[] bytes(HttpEntity entity) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entity.writeTo(out);
        return out.toByteArray();
    }

    static Answer answer(HttpResponse response) {
        if (!(response instanceof BasicClassicHttpResponse classic) || classic.getEntity() == null) {
            return new Answer(null, null);
        }
        AS2MessageDispositionNotificationEntity notification = notification(classic.getEntity());
        if (notification == null) {
            return new Answer(null, null);
        }
        String disposition = notification.getDispositionType().toString();
        if (notification.getDispositionModifier() != null) {
            disposition += "/" + notification.getDispositionModifier();
        }
        MicUtils.ReceivedContentMic mic = notification.getReceivedContentMic();
        return new Answer(disposition, mic == null ? null : mic.getEncodedMessageDigest() + ", "
                                                            + mic.getDigestAlgorithmId());
    }

    static AS2MessageDispositionNotificationEntity notification(HttpEntity entity) {
        HttpEntity report = entity instanceof MultipartSignedEntity signed ? signed.getSignedDataEntity() : entity;
        if (report instanceof MultipartMimeEntity multipart) {
            for (int i = 0; i < multipart.getPartCount(); i++) {
                if (multipart.getPart(i) instanceof AS2MessageDispositionNotificationEntity notification) {
                    return notification;
                }
            }
        }
        return null;
    }

    /**
     * What a misbehaving server changes in the MDN camel just built. Fields left null are kept.
     *
     * @param wrongMic          report a Received-Content-MIC over other bytes, same algorithm
     * @param originalMessageId another Original-Message-ID
     * @param modifier          another disposition modifier (e.g. a warning)
     * @param unsigned          send the report unsigned even when camel signed it
     * @param signer            sign with this station's key and certificate instead of the server's
     */
    record Change(boolean wrongMic, String originalMessageId,
                  org.apache.camel.component.as2.api.entity.AS2DispositionModifier modifier, boolean unsigned,
                  PeerIdentity signer) {

        static Change of(ServerBehaviour behaviour, PeerIdentity stranger) {
            return switch (behaviour) {
                case WRONG_MIC -> new Change(true, null, null, false, null);
                case OTHER_MESSAGE_ID -> new Change(false, "<another-message-" + System.nanoTime() + "@peers>",
                        null, false, null);
                case PROCESSED_WARNING -> new Change(false, null,
                        org.apache.camel.component.as2.api.entity.AS2DispositionModifier.createWarning(
                                "duplicate-document"), false, null);
                case UNSIGNED_MDN -> new Change(false, null, null, true, null);
                case STRANGER_MDN_KEY -> new Change(false, null, null, false, stranger);
                default -> null;
            };
        }
    }

    /** Replaces the MIC in the MDN camel just built with the digest of other bytes, re-signed with the server key. */
    static void replaceMic(HttpResponse response, HttpContext context) throws HttpException {
        rebuild(response, context, new Change(true, null, null, false, null));
    }

    /**
     * Rebuilds the MDN camel just built with camel's own entity classes, changing only what {@code change} says, and
     * signs it again (with the server's configured MDN key unless the change names another signer or none).
     */
    static void rebuild(HttpResponse response, HttpContext context, Change change) throws HttpException {
        if (!(response instanceof BasicClassicHttpResponse classic) || classic.getEntity() == null) {
            return;
        }
        HttpEntity entity = classic.getEntity();
        AS2MessageDispositionNotificationEntity original = notification(entity);
        if (original == null) {
            return;
        }
        MultipartMimeEntity report = (MultipartMimeEntity) (entity instanceof MultipartSignedEntity signed
                ? signed.getSignedDataEntity() : entity);
        MicUtils.ReceivedContentMic mic = original.getReceivedContentMic();
        if (change.wrongMic() && mic != null) {
            try {
                Signing algorithm = Signing.fromAnyName(mic.getDigestAlgorithmId());
                byte[] digest = MessageDigest.getInstance(algorithm == null ? "SHA-256" : algorithm.digest())
                        .digest("not the payload that was sent".getBytes(StandardCharsets.US_ASCII));
                mic = new MicUtils.ReceivedContentMic(mic.getDigestAlgorithmId(), digest);
            } catch (Exception e) {
                throw new HttpException("cannot build the wrong MIC", e);
            }
        }
        AS2MessageDispositionNotificationEntity tampered = new AS2MessageDispositionNotificationEntity(
                original.getReportingUA(), original.getMtnName(), original.getFinalRecipient(),
                change.originalMessageId() == null ? original.getOriginalMessageId() : change.originalMessageId(),
                original.getDispositionMode(), original.getDispositionType(),
                change.modifier() == null ? original.getDispositionModifier() : change.modifier(),
                original.getFailureFields(), original.getErrorFields(),
                original.getWarningFields(), original.getExtensionFields(), mic, null);
        tampered.setMainBody(false);
        Report rebuilt = new Report(report.getBoundary());
        rebuilt.addPart(report.getPart(0));
        rebuilt.addPart(tampered);
        HttpEntity replacement = rebuilt;
        if (entity instanceof MultipartSignedEntity && !change.unsigned()) {
            HttpRequest request = HttpCoreContext.adapt(context).getRequest();
            Certificate[] chain = change.signer() == null
                    ? (Certificate[]) context.getAttribute(AS2ServerConnection.AS2_SIGNING_CERTIFICATE_CHAIN)
                    : new Certificate[] {change.signer().certificate()};
            PrivateKey key = change.signer() == null
                    ? (PrivateKey) context.getAttribute(AS2ServerConnection.AS2_SIGNING_PRIVATE_KEY)
                    : change.signer().privateKey();
            AS2SignedDataGenerator generator = ResponseMDN.createSigningGenerator(request,
                    (AS2SignatureAlgorithm) context.getAttribute(AS2ServerConnection.AS2_SIGNING_ALGORITHM),
                    chain, key);
            replacement = ResponseMDN.prepareSignedReceipt(generator, rebuilt);
        } else {
            rebuilt.setMainBody(true);
        }
        EntityUtils.setMessageEntity(response, replacement);
        response.setHeader(AS2Header.CONTENT_TYPE, replacement.getContentType());
    }

    /** A report entity camel lets subclasses assemble from parts. */
    private static final class Report extends DispositionNotificationMultipartReportEntity {
        Report(String boundary) {
            super(boundary, null, true);
        }

        @Override
        public void addPart(MimeEntity part) {
            super.addPart(part);
        }
    }
}
