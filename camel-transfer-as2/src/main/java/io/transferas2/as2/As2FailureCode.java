package io.transferas2.as2;

/**
 * Every failure code AWS Transfer Family reports for AS2 transfers, with AWS's spellings (including the misspelt
 * {@code INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED}). Outbound codes are those of a connector send and its MDN,
 * inbound codes those of a server receiving a message. The engine raises the crypto and format ones; the producer and
 * consumer reuse the rest.
 */
public enum As2FailureCode {
    // outbound (connector send, MDN receive)
    ACCESS_DENIED,
    SEND_FILE_NOT_FOUND,
    ENCRYPTION_FAILED,
    SIGNING_FAILED,
    CONNECTOR_NOT_FOUND,
    UNABLE_TO_RESOLVE_HOSTNAME,
    UNABLE_RESOLVE_HOST_TO_IP_ADDRESS,
    UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP,
    HTTP_ERROR_RESPONSE_FROM_PARTNER,
    INVALID_ENDPOINT_PROTOCOL,
    VERIFICATION_FAILED,
    VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND,

    // inbound (server receive)
    DECRYPT_FAILED,
    ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG,
    DECRYPT_FAILED_INVALID_SMIME_FORMAT,
    DECRYPT_FAILED_NO_DECRYPTION_KEY_FOUND,
    DECOMPRESSION_FAILED,
    AGREEMENT_NOT_FOUND,
    INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED,
    DUPLICATE_MESSAGE,
    INVALID_REQUEST
}
