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

/** Reading and (for the wrong-MIC fault) rebuilding MDNs held in camel-as2's entity model. */
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
     * Replaces the MIC in the MDN camel just built with the digest of other bytes, and signs it again with the
     * server's configured MDN key, so only the MIC is wrong.
     */
    static void replaceMic(HttpResponse response, HttpContext context) throws HttpException {
        if (!(response instanceof BasicClassicHttpResponse classic) || classic.getEntity() == null) {
            return;
        }
        HttpEntity entity = classic.getEntity();
        AS2MessageDispositionNotificationEntity original = notification(entity);
        if (original == null || original.getReceivedContentMic() == null) {
            return;
        }
        MultipartMimeEntity report = (MultipartMimeEntity) (entity instanceof MultipartSignedEntity signed
                ? signed.getSignedDataEntity() : entity);
        MicUtils.ReceivedContentMic originalMic = original.getReceivedContentMic();
        MicUtils.ReceivedContentMic wrongMic;
        try {
            Signing algorithm = Signing.fromAnyName(originalMic.getDigestAlgorithmId());
            byte[] digest = MessageDigest.getInstance(algorithm == null ? "SHA-256" : algorithm.digest())
                    .digest("not the payload that was sent".getBytes(StandardCharsets.US_ASCII));
            wrongMic = new MicUtils.ReceivedContentMic(originalMic.getDigestAlgorithmId(), digest);
        } catch (Exception e) {
            throw new HttpException("cannot build the wrong MIC", e);
        }
        AS2MessageDispositionNotificationEntity tampered = new AS2MessageDispositionNotificationEntity(
                original.getReportingUA(), original.getMtnName(), original.getFinalRecipient(),
                original.getOriginalMessageId(), original.getDispositionMode(), original.getDispositionType(),
                original.getDispositionModifier(), original.getFailureFields(), original.getErrorFields(),
                original.getWarningFields(), original.getExtensionFields(), wrongMic, null);
        tampered.setMainBody(false);
        Report rebuilt = new Report(report.getBoundary());
        rebuilt.addPart(report.getPart(0));
        rebuilt.addPart(tampered);
        HttpEntity replacement = rebuilt;
        if (entity instanceof MultipartSignedEntity) {
            HttpRequest request = HttpCoreContext.adapt(context).getRequest();
            AS2SignedDataGenerator generator = ResponseMDN.createSigningGenerator(request,
                    (AS2SignatureAlgorithm) context.getAttribute(AS2ServerConnection.AS2_SIGNING_ALGORITHM),
                    (Certificate[]) context.getAttribute(AS2ServerConnection.AS2_SIGNING_CERTIFICATE_CHAIN),
                    (PrivateKey) context.getAttribute(AS2ServerConnection.AS2_SIGNING_PRIVATE_KEY));
            replacement = ResponseMDN.prepareSignedReceipt(generator, rebuilt);
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
