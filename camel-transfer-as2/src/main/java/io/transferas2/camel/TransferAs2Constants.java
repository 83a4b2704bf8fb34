package io.transferas2.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the transfer-as2 component. */
public interface TransferAs2Constants {

    @Metadata(description = "The AS2 Message-ID, without angle brackets.", javaType = "String")
    String MESSAGE_ID = "CamelTransferAs2MessageId";
}
