package io.transferas2.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the transfer-as2 component. */
public interface TransferAs2Constants {

    @Metadata(description = "The AS2 Message-ID, without angle brackets.", javaType = "String")
    String MESSAGE_ID = "CamelTransferAs2MessageId";

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

    @Metadata(description = "StartFileTransfer: the ConnectorId, on the exchange sent to the outbound route.",
              javaType = "String")
    String CONNECTOR_ID = "CamelTransferAs2ConnectorId";
}
