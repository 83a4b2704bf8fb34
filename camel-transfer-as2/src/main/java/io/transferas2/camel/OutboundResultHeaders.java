package io.transferas2.camel;

import org.apache.camel.Message;

import io.transferas2.transfer.OutboundResult;

/** Puts an outbound result on a message as the component's headers, the same way for SYNC and ASYNC results. */
public final class OutboundResultHeaders {

    private OutboundResultHeaders() {
    }

    public static void apply(OutboundResult result, Message message) {
        set(message, TransferAs2Constants.TRANSFER_ID, result.transferId());
        set(message, TransferAs2Constants.CONNECTOR_ID, result.connectorId());
        set(message, TransferAs2Constants.MESSAGE_ID, result.messageId());
        set(message, TransferAs2Constants.STATUS_CODE, result.statusCode().name());
        set(message, TransferAs2Constants.FAILURE_CODE, result.failureCode() == null ? null : result.failureCode().name());
        set(message, TransferAs2Constants.FAILURE_MESSAGE, result.failureMessage());
        set(message, TransferAs2Constants.DISPOSITION, result.disposition());
        set(message, TransferAs2Constants.MDN_MESSAGE_ID, result.mdnMessageId());
        set(message, TransferAs2Constants.MDN_SUBJECT, result.mdnSubject());
        set(message, TransferAs2Constants.MIC, result.mic());
        set(message, TransferAs2Constants.TRANSFER_SIZE, result.transferSize());
        set(message, TransferAs2Constants.MDN, result.mdn());
        set(message, TransferAs2Constants.MDN_CONTENT_TYPE, result.mdnContentType());
        set(message, TransferAs2Constants.STATUS_JSON, result.status().toJson());
        set(message, TransferAs2Constants.AS2_FROM, result.status().get("as2-from"));
        set(message, TransferAs2Constants.AS2_TO, result.status().get("as2-to"));
        if (result.statusTarget() != null) {
            set(message, TransferAs2Constants.STATUS_BUCKET, result.statusTarget().bucket());
            set(message, TransferAs2Constants.STATUS_KEY, result.statusTarget().key());
        }
        if (result.mdnTarget() != null) {
            set(message, TransferAs2Constants.MDN_BUCKET, result.mdnTarget().bucket());
            set(message, TransferAs2Constants.MDN_KEY, result.mdnTarget().key());
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
