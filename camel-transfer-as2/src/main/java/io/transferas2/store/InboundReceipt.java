package io.transferas2.store;

import java.time.Instant;

/**
 * One AS2 message a server received, as the operations console shows it: who sent it under which agreement, the file,
 * its size and MIC, the MDN disposition returned, the failure code when it failed, and the S3 keys of what was stored.
 * Built field by field (most fields are optional); {@link TransferHistory#record} stores it.
 */
public final class InboundReceipt {
    private String messageId;
    private String serverId;
    private String agreementId;
    private String as2From;
    private String as2To;
    private String fileName;
    private long transferSize = -1;
    private String mic;
    private String disposition;
    private String mdnMessageId;
    private String mdnMode;
    private String status;
    private String failureCode;
    private String failureMessage;
    private String clientIp;
    private String payloadKey;
    private String statusKey;
    private String mdnKey;
    private boolean signed;
    private boolean encrypted;
    private boolean compressed;
    private Instant receivedAt;
    private String node;

    public InboundReceipt messageId(String value) { messageId = value; return this; }
    public InboundReceipt serverId(String value) { serverId = value; return this; }
    public InboundReceipt agreementId(String value) { agreementId = value; return this; }
    public InboundReceipt as2From(String value) { as2From = value; return this; }
    public InboundReceipt as2To(String value) { as2To = value; return this; }
    public InboundReceipt fileName(String value) { fileName = value; return this; }
    public InboundReceipt transferSize(long value) { transferSize = value; return this; }
    public InboundReceipt mic(String value) { mic = value; return this; }
    /** The disposition of the MDN returned, e.g. {@code automatic-action/MDN-sent-automatically; processed}. */
    public InboundReceipt disposition(String value) { disposition = value; return this; }
    public InboundReceipt mdnMessageId(String value) { mdnMessageId = value; return this; }
    /** SYNC, ASYNC or NONE. */
    public InboundReceipt mdnMode(String value) { mdnMode = value; return this; }
    /** COMPLETED or FAILED. */
    public InboundReceipt status(String value) { status = value; return this; }
    public InboundReceipt failureCode(String value) { failureCode = value; return this; }
    public InboundReceipt failureMessage(String value) { failureMessage = value; return this; }
    public InboundReceipt clientIp(String value) { clientIp = value; return this; }
    /** {@code /bucket/key} of the stored payload (or, failed, of the raw message). */
    public InboundReceipt payloadKey(String value) { payloadKey = value; return this; }
    public InboundReceipt statusKey(String value) { statusKey = value; return this; }
    public InboundReceipt mdnKey(String value) { mdnKey = value; return this; }
    public InboundReceipt signed(boolean value) { signed = value; return this; }
    public InboundReceipt encrypted(boolean value) { encrypted = value; return this; }
    public InboundReceipt compressed(boolean value) { compressed = value; return this; }
    public InboundReceipt receivedAt(Instant value) { receivedAt = value; return this; }
    /** The node that received it. */
    public InboundReceipt node(String value) { node = value; return this; }

    public String messageId() { return messageId; }
    public String serverId() { return serverId; }
    public String agreementId() { return agreementId; }
    public String as2From() { return as2From; }
    public String as2To() { return as2To; }
    public String fileName() { return fileName; }
    public long transferSize() { return transferSize; }
    public String mic() { return mic; }
    public String disposition() { return disposition; }
    public String mdnMessageId() { return mdnMessageId; }
    public String mdnMode() { return mdnMode; }
    public String status() { return status; }
    public String failureCode() { return failureCode; }
    public String failureMessage() { return failureMessage; }
    public String clientIp() { return clientIp; }
    public String payloadKey() { return payloadKey; }
    public String statusKey() { return statusKey; }
    public String mdnKey() { return mdnKey; }
    public boolean signed() { return signed; }
    public boolean encrypted() { return encrypted; }
    public boolean compressed() { return compressed; }
    public Instant receivedAt() { return receivedAt; }
    public String node() { return node; }

    @Override
    public String toString() {
        return "InboundReceipt[" + messageId + " " + status + (failureCode == null ? "" : " " + failureCode) + "]";
    }
}
