package io.transferas2.camel;

import org.apache.camel.Message;

import io.transferas2.inbound.InboundDelivery;
import io.transferas2.inbound.Landing;

/** Puts what the server consumer received on the route's message as the component's headers. */
public final class InboundHeaders {

    private InboundHeaders() {
    }

    public static void apply(InboundDelivery d, Message message) {
        if (d.type() == InboundDelivery.Type.MDN && d.outboundResult() != null) {
            OutboundResultHeaders.apply(d.outboundResult(), message);
        }
        set(message, TransferAs2Constants.MESSAGE_TYPE, d.type().name());
        set(message, TransferAs2Constants.STATUS_CODE, d.statusCode().name());
        set(message, TransferAs2Constants.SERVER_ID, d.serverId());
        set(message, TransferAs2Constants.CLIENT_IP, d.clientIp());
        set(message, TransferAs2Constants.AS2_FROM, d.as2From());
        set(message, TransferAs2Constants.AS2_TO, d.as2To());
        set(message, TransferAs2Constants.SUBJECT, d.subject());
        if (d.type() == InboundDelivery.Type.MDN) {
            set(message, TransferAs2Constants.MDN_CONTENT_TYPE, d.contentType());
            set(message, TransferAs2Constants.MDN_MESSAGE_ID, d.mdnMessageId());
            return;
        }
        set(message, TransferAs2Constants.AGREEMENT_ID, d.agreementId());
        set(message, TransferAs2Constants.MESSAGE_ID, d.messageId());
        set(message, TransferAs2Constants.CONTENT_TYPE, d.contentType());
        set(message, TransferAs2Constants.FILE_NAME, d.fileName());
        set(message, TransferAs2Constants.SIGNED, d.signed());
        set(message, TransferAs2Constants.ENCRYPTED, d.encrypted());
        set(message, TransferAs2Constants.COMPRESSED, d.compressed());
        set(message, TransferAs2Constants.MIC, d.mic());
        set(message, TransferAs2Constants.TRANSFER_SIZE, d.transferSize() < 0 ? null : d.transferSize());
        set(message, TransferAs2Constants.FAILURE_CODE, d.failureCode() == null ? null : d.failureCode().name());
        set(message, TransferAs2Constants.FAILURE_MESSAGE, d.failureMessage());
        set(message, TransferAs2Constants.STATUS_JSON, d.status().toJson());
        if (d.mdn() != null) {
            set(message, TransferAs2Constants.DISPOSITION, d.mdn().disposition().toFieldValue());
            set(message, TransferAs2Constants.MDN, d.mdn().body());
            set(message, TransferAs2Constants.MDN_CONTENT_TYPE, d.mdn().contentType());
            set(message, TransferAs2Constants.MDN_MESSAGE_ID, d.mdnMessageId());
            set(message, TransferAs2Constants.MDN_SUBJECT, io.transferas2.inbound.InboundReceiver.MDN_SUBJECT);
            set(message, TransferAs2Constants.MDN_URL, d.mdnUrl());
        }
        Landing landing = d.landing();
        if (landing != null) {
            set(message, TransferAs2Constants.PAYLOAD_BUCKET, landing.payload().bucket());
            set(message, TransferAs2Constants.PAYLOAD_KEY, landing.payload().key());
            set(message, TransferAs2Constants.STATUS_BUCKET, landing.status().bucket());
            set(message, TransferAs2Constants.STATUS_KEY, landing.status().key());
            if (d.mdn() != null) {
                set(message, TransferAs2Constants.MDN_BUCKET, landing.mdn().bucket());
                set(message, TransferAs2Constants.MDN_KEY, landing.mdn().key());
            }
        }
    }

    private static void set(Message message, String name, Object value) {
        if (value == null) {
            message.removeHeader(name);
        } else {
            message.setHeader(name, value);
        }
    }
}
