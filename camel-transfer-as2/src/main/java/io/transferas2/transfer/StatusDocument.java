package io.transferas2.transfer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.transferas2.model.TransferJson;

/**
 * The JSON status file AWS Transfer Family writes beside each transferred file (spec §1.3 outbound, §2.3 inbound).
 * Keys are AWS's, in AWS's kebab case; unset fields are left out, as in AWS's samples. AWS's samples also show
 * {@code subject} and the typo {@code mesage-subject}; we write the documented {@code message-subject} only.
 */
public final class StatusDocument {
    /** AWS writes microseconds and a Z: {@code 2022-07-11T06:30:10.791274Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, Object> fields = new LinkedHashMap<>();
    /** The JSON of the current fields, written once (the route headers and the producer body both ask for it). */
    private String json;

    public StatusDocument agreementId(String value) {
        return put("agreement-id", value);
    }

    public StatusDocument as2From(String value) {
        return put("as2-from", value);
    }

    public StatusDocument as2To(String value) {
        return put("as2-to", value);
    }

    /** The AS2 Message-ID without angle brackets. */
    public StatusDocument as2MessageId(String value) {
        return put("as2-message-id", value);
    }

    public StatusDocument transferId(String value) {
        return put("transfer-id", value);
    }

    public StatusDocument clientIp(String value) {
        return put("client-ip", value);
    }

    public StatusDocument connectorId(String value) {
        return put("connector-id", value);
    }

    public StatusDocument failureCode(String value) {
        return put("failure-code", value);
    }

    public StatusDocument failureMessage(String value) {
        return put("failure-message", value);
    }

    /** Outbound: the absolute source path {@code /bucket/key}; inbound: the path relative to the base directory. */
    public StatusDocument filePath(String value) {
        return put("file-path", value);
    }

    public StatusDocument messageSubject(String value) {
        return put("message-subject", value);
    }

    public StatusDocument mdnMessageId(String value) {
        return put("mdn-message-id", value);
    }

    public StatusDocument mdnSubject(String value) {
        return put("mdn-subject", value);
    }

    public StatusDocument requesterFileName(String value) {
        return put("requester-file-name", value);
    }

    public StatusDocument requesterContentType(String value) {
        return put("requester-content-type", value);
    }

    public StatusDocument serverId(String value) {
        return put("server-id", value);
    }

    public StatusDocument statusCode(StatusCode value) {
        return put("status-code", value == null ? null : value.name());
    }

    /** Payload bytes (the wire size is larger, because of the envelope). */
    public StatusDocument transferSize(Long value) {
        return put("transfer-size", value);
    }

    /** The MDN's Disposition field, e.g. {@code automatic-action/MDN-sent-automatically; processed}. */
    public StatusDocument disposition(String value) {
        return put("disposition", value);
    }

    public StatusDocument timestamp(Instant value) {
        return put("timestamp", value == null ? null : TIMESTAMP.format(value));
    }

    /** The fields set so far, in the order they were set. */
    public Map<String, Object> fields() {
        return Map.copyOf(fields);
    }

    public Object get(String key) {
        return fields.get(key);
    }

    /** The document as compact JSON, the form AWS writes. */
    public String toJson() {
        if (json != null) {
            return json;
        }
        try {
            json = TransferJson.json().writeValueAsString(fields);
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a status document", e);
        }
    }

    @Override
    public String toString() {
        return toJson();
    }

    private StatusDocument put(String key, Object value) {
        json = null;
        if (value == null) {
            fields.remove(key);
        } else {
            fields.put(key, value);
        }
        return this;
    }
}
