package io.transferas2.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the transfer-as2 component. */
public interface TransferAs2Constants {

    @Metadata(description = "The AS2 Message-ID, without angle brackets.", javaType = "String")
    String MESSAGE_ID = "CamelTransferAs2MessageId";

    @Metadata(label = "consumer", description = "transfer-as2:console: the console user who took the action.",
              javaType = "String")
    String CONSOLE_USER = "CamelTransferAs2ConsoleUser";
    @Metadata(label = "consumer", description = "transfer-as2:console: the action taken: RESEND, RETRY, START_SERVER"
                                                + " or STOP_SERVER.", javaType = "String")
    String CONSOLE_ACTION = "CamelTransferAs2ConsoleAction";
    @Metadata(label = "consumer", description = "transfer-as2:console: what the action was taken on (a Message-ID or a"
                                                + " ServerId).", javaType = "String")
    String CONSOLE_TARGET = "CamelTransferAs2ConsoleTarget";
    @Metadata(label = "consumer", description = "transfer-as2:api: the AWS Transfer operation that was called, e.g."
                                                + " CreateConnector.", javaType = "String")
    String API_OPERATION = "CamelTransferAs2ApiOperation";

    @Metadata(label = "consumer", description = "transfer-as2:api: the access key ID that signed the call; absent"
                                                + " when the API runs unauthenticated.", javaType = "String")
    String API_ACCESS_KEY_ID = "CamelTransferAs2ApiAccessKeyId";

    @Metadata(label = "consumer", description = "transfer-as2:api: the AWS error type the call answered, e.g."
                                                + " ResourceNotFoundException; absent on success.",
              javaType = "String")
    String API_ERROR_TYPE = "CamelTransferAs2ApiErrorType";

    @Metadata(label = "consumer", description = "transfer-as2:api: the x-amzn-RequestId of the call.",
              javaType = "String")
    String API_REQUEST_ID = "CamelTransferAs2ApiRequestId";

    @Metadata(description = "The ConnectorId: on the exchange StartFileTransfer sends to the outbound route, and on"
                            + " every outbound result.",
              javaType = "String")
    String CONNECTOR_ID = "CamelTransferAs2ConnectorId";

    // ---- connector producer input ------------------------------------------------------------------------------

    @Metadata(description = "Producer: the file name announced to the partner (Content-Disposition); default"
                            + " CamelFileName, else the last segment of CamelAwsS3Key. Consumer: the file name the"
                            + " partner gave, sanitised (no path separators, no leading dots, no control or format"
                            + " characters, at most 120 UTF-8 bytes); absent when the partner gave none.",
              javaType = "String")
    String FILE_NAME = "CamelTransferAs2FileName";

    @Metadata(description = "Producer: the payload's Content-Type; default with PreserveContentType ENABLED the S3"
                            + " object's CamelAwsS3ContentType, otherwise mapped from the file extension (.x12/.edi"
                            + " application/EDI-X12, .edifact application/EDIFACT, .xml application/xml, else"
                            + " application/octet-stream). Consumer: the payload's Content-Type as the partner sent"
                            + " it.", javaType = "String")
    String CONTENT_TYPE = "CamelTransferAs2ContentType";

    @Metadata(label = "producer", description = "Extra HTTP headers for the partner, by AWS's CustomHttpHeaders"
                                                + " rules: a List of CustomHttpHeader, a Map of key to value, or the"
                                                + " JSON array [{\"Key\":..,\"Value\":..}].",
              javaType = "Object")
    String CUSTOM_HTTP_HEADERS = "CamelTransferAs2CustomHttpHeaders";

    @Metadata(label = "producer", description = "Where the file lives, /bucket/key: AWS's file-path, and the base of"
                                                + " the status JSON and MDN locations. Default: CamelAwsS3BucketName"
                                                + " and CamelAwsS3Key; without either no locations are computed.",
              javaType = "String")
    String SOURCE_PATH = "CamelTransferAs2SourcePath";

    // ---- outbound results: the producer's SYNC result, and ASYNC completions announced by a server consumer ----

    @Metadata(description = "The transfer ID (a UUID) of an outbound file. A connector producer keeps one already on"
                            + " the message, so the files of one StartFileTransfer share it.", javaType = "String")
    String TRANSFER_ID = "CamelTransferAs2TransferId";

    @Metadata(description = "AWS status code: PROCESSING (ASYNC send, MDN not yet received), COMPLETED or FAILED.",
              javaType = "String", enums = "PROCESSING,COMPLETED,FAILED")
    String STATUS_CODE = "CamelTransferAs2StatusCode";

    @Metadata(description = "AWS failure code when the status is FAILED, e.g. HTTP_ERROR_RESPONSE_FROM_PARTNER.",
              javaType = "String")
    String FAILURE_CODE = "CamelTransferAs2FailureCode";

    @Metadata(description = "Human-readable failure message when the status is FAILED.", javaType = "String")
    String FAILURE_MESSAGE = "CamelTransferAs2FailureMessage";

    @Metadata(label = "consumer", description = "transfer-as2:server: set by the route (seconds) on an exchange it"
                                                + " then fails, when the failure is transient (S3 unreachable): the"
                                                + " partner is answered HTTP 503 with this Retry-After instead of an"
                                                + " error MDN, so it sends the message again.",
              javaType = "Integer")
    String RETRY_AFTER = "CamelTransferAs2RetryAfter";

    @Metadata(description = "The MDN's Disposition field, e.g. automatic-action/MDN-sent-automatically; processed.",
              javaType = "String")
    String DISPOSITION = "CamelTransferAs2Disposition";

    @Metadata(description = "The MDN's Message-ID.", javaType = "String")
    String MDN_MESSAGE_ID = "CamelTransferAs2MdnMessageId";

    @Metadata(description = "The MDN's Subject.", javaType = "String")
    String MDN_SUBJECT = "CamelTransferAs2MdnSubject";

    @Metadata(description = "The message integrity check as 'base64, algorithm': computed when sending, returned in"
                            + " the MDN when receiving.", javaType = "String")
    String MIC = "CamelTransferAs2Mic";

    @Metadata(description = "Payload size in bytes (the wire size is larger).", javaType = "long")
    String TRANSFER_SIZE = "CamelTransferAs2TransferSize";

    @Metadata(description = "The MDN as received (its body), when there is one.", javaType = "byte[]")
    String MDN = "CamelTransferAs2Mdn";

    @Metadata(description = "The Content-Type of the MDN.", javaType = "String")
    String MDN_CONTENT_TYPE = "CamelTransferAs2MdnContentType";

    @Metadata(label = "consumer", description = "Where the MDN to the partner goes when the partner asked for an"
                                                + " asynchronous receipt (its Receipt-Delivery-Option): it is POSTed"
                                                + " there after the route completed. Absent for a synchronous MDN,"
                                                + " which is the HTTP response.", javaType = "String")
    String MDN_URL = "CamelTransferAs2MdnUrl";

    @Metadata(description = "AWS's JSON status document for the file.", javaType = "String")
    String STATUS_JSON = "CamelTransferAs2StatusJson";

    @Metadata(description = "Bucket where the status JSON belongs in AWS's layout.", javaType = "String")
    String STATUS_BUCKET = "CamelTransferAs2StatusBucket";

    @Metadata(description = "Key where the status JSON belongs in AWS's layout.", javaType = "String")
    String STATUS_KEY = "CamelTransferAs2StatusKey";

    @Metadata(description = "Bucket where the MDN belongs in AWS's layout.", javaType = "String")
    String MDN_BUCKET = "CamelTransferAs2MdnBucket";

    @Metadata(description = "Key where the MDN belongs in AWS's layout.", javaType = "String")
    String MDN_KEY = "CamelTransferAs2MdnKey";

    @Metadata(description = "AS2-From: our As2Id when sending, the partner's when receiving.", javaType = "String")
    String AS2_FROM = "CamelTransferAs2As2From";

    @Metadata(description = "AS2-To: the partner's As2Id when sending, ours when receiving.", javaType = "String")
    String AS2_TO = "CamelTransferAs2As2To";

    @Metadata(label = "consumer", description = "What a server consumer received: PAYLOAD (a partner's file) or MDN"
                                                + " (an async MDN completing one of our ASYNC sends).",
              javaType = "String", enums = "PAYLOAD,MDN")
    String MESSAGE_TYPE = "CamelTransferAs2MessageType";

    // ---- server consumer (transfer-as2:server/<ServerId>): what the route receives -----------------------------

    @Metadata(label = "consumer", description = "The AgreementId the message was received under; absent when no"
                                                + " agreement matched (FAILED with AGREEMENT_NOT_FOUND or"
                                                + " INVALID_REQUEST).", javaType = "String")
    String AGREEMENT_ID = "CamelTransferAs2AgreementId";

    @Metadata(label = "consumer", description = "The ServerId that received the message.", javaType = "String")
    String SERVER_ID = "CamelTransferAs2ServerId";

    @Metadata(label = "consumer", description = "The Subject header the partner sent.", javaType = "String")
    String SUBJECT = "CamelTransferAs2Subject";



    @Metadata(label = "consumer", description = "Whether the message was signed.", javaType = "boolean")
    String SIGNED = "CamelTransferAs2Signed";

    @Metadata(label = "consumer", description = "Whether the message was encrypted.", javaType = "boolean")
    String ENCRYPTED = "CamelTransferAs2Encrypted";

    @Metadata(label = "consumer", description = "Whether the message was compressed.", javaType = "boolean")
    String COMPRESSED = "CamelTransferAs2Compressed";

    @Metadata(label = "consumer", description = "The partner's IP address (behind a trusted proxy: from"
                                                + " X-Forwarded-For).", javaType = "String")
    String CLIENT_IP = "CamelTransferAs2ClientIp";

    @Metadata(label = "consumer", description = "Bucket where the payload belongs in AWS's layout (processed/ or the"
                                                + " PayloadFilesDirectory; failed/ or the FailedFilesDirectory when"
                                                + " FAILED).", javaType = "String")
    String PAYLOAD_BUCKET = "CamelTransferAs2PayloadBucket";

    @Metadata(label = "consumer", description = "Key where the payload belongs in AWS's layout.", javaType = "String")
    String PAYLOAD_KEY = "CamelTransferAs2PayloadKey";

    @Metadata(label = "consumer", description = "transfer-as2:transfers: the file's position in its StartFileTransfer"
                                                + " request (0-based).", javaType = "Integer")
    String FILE_INDEX = "CamelTransferAs2FileIndex";

    @Metadata(label = "consumer", description = "transfer-as2:transfers: this attempt's number for the file (1 for the"
                                                + " first; more after a crash or a retry).", javaType = "Integer")
    String ATTEMPT = "CamelTransferAs2Attempt";

    @Metadata(label = "producer", description = "transfer-as2:transfers producer: a key (e.g. bucket/key#ETag of an"
                                                + " outbox object) that makes the request accepted once: a request"
                                                + " with a key accepted before is skipped.", javaType = "String")
    String ONCE_KEY = "CamelTransferAs2OnceKey";

    @Metadata(label = "producer", description = "transfer-as2:transfers producer: whether the request was accepted"
                                                + " (false when its CamelTransferAs2OnceKey was accepted before).",
              javaType = "Boolean")
    String ACCEPTED = "CamelTransferAs2Accepted";
}
