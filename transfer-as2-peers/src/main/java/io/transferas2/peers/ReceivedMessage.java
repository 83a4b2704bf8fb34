package io.transferas2.peers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An AS2 message a harness server handled, and what it answered.
 *
 * @param messageId    the Message-ID header without angle brackets
 * @param as2From      AS2-From
 * @param as2To        AS2-To
 * @param subject      Subject, or {@code null}
 * @param contentType  the payload's content type after unwrapping, or {@code null} if processing failed first
 * @param fileName     the file name of the payload's Content-Disposition, or {@code null}
 * @param headers      the HTTP request headers
 * @param encrypted    whether the message was enveloped
 * @param signed       whether the message was signed
 * @param compressed   whether the message was compressed
 * @param signature    the signature check result
 * @param payload      size, SHA-256 and (small payloads) the bytes; {@code null} if processing failed first
 * @param disposition  the disposition the server answered (e.g. {@code processed},
 *                     {@code processed/error: authentication-failed}), or {@code null} with no MDN
 * @param returnedMic  the Received-Content-MIC the server answered, or {@code null}
 * @param error        why processing failed, or {@code null}
 * @param receivedAt   when the server finished with the message
 */
public record ReceivedMessage(String messageId, String as2From, String as2To, String subject, String contentType,
        String fileName, Map<String, List<String>> headers, boolean encrypted, boolean signed, boolean compressed,
        Verification signature, PayloadDigest payload, String disposition, String returnedMic, String error,
        Instant receivedAt) {

    /** Whether the server accepted the message. */
    public boolean accepted() {
        return error == null && payload != null;
    }

    /** The first value of an HTTP request header, case-insensitively, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    ReceivedMessage withAnswer(String answeredDisposition, String answeredMic) {
        return new ReceivedMessage(messageId, as2From, as2To, subject, contentType, fileName, headers, encrypted, signed,
                compressed, signature, payload, answeredDisposition, answeredMic, error, receivedAt);
    }
}
