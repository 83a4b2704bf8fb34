package io.transferas2.console;

import java.util.Map;

/** AWS's failure codes in plain words, for the operator reading a failed transfer. */
final class FailureTexts {
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("ACCESS_DENIED", "The station could not read the file to send or store what it received"
                    + " (storage refused access or was unavailable)."),
            Map.entry("SEND_FILE_NOT_FOUND", "The file to send does not exist at the given S3 path."),
            Map.entry("ENCRYPTION_FAILED", "The file could not be encrypted for the partner: check the partner's"
                    + " ENCRYPTION certificate."),
            Map.entry("SIGNING_FAILED", "The file could not be signed: check our SIGNING certificate and its"
                    + " private key."),
            Map.entry("CONNECTOR_NOT_FOUND", "The connector of this transfer no longer exists."),
            Map.entry("UNABLE_TO_RESOLVE_HOSTNAME", "The partner's host name in the connector URL does not resolve"
                    + " (DNS)."),
            Map.entry("UNABLE_RESOLVE_HOST_TO_IP_ADDRESS", "The partner's host name has no usable IP address."),
            Map.entry("UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP", "The partner's endpoint did not accept the"
                    + " connection: it is down, or a firewall is in the way. Nothing was delivered."),
            Map.entry("HTTP_ERROR_RESPONSE_FROM_PARTNER", "The partner's server answered with an HTTP error"
                    + " instead of accepting the message (see the message for the status)."),
            Map.entry("INVALID_ENDPOINT_PROTOCOL", "The connector URL is not http:// or https://."),
            Map.entry("VERIFICATION_FAILED", "The partner's receipt (MDN) was negative, did not match what was sent,"
                    + " or never came in time."),
            Map.entry("VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND", "The partner's receipt (MDN) is signed with a key"
                    + " that none of the partner's SIGNING certificates matches."),
            Map.entry("DECRYPT_FAILED", "The partner's message could not be decrypted with our ENCRYPTION key."),
            Map.entry("ERROR_DECRYPT_UNSUPPORTED_ENCRYPTION_ALG", "The partner encrypted with an algorithm the"
                    + " station does not accept."),
            Map.entry("DECRYPT_FAILED_INVALID_SMIME_FORMAT", "The partner's message is not valid S/MIME."),
            Map.entry("DECRYPT_FAILED_NO_DECRYPTION_KEY_FOUND", "The partner encrypted for a certificate we hold no"
                    + " private key for (an old or wrong certificate of ours)."),
            Map.entry("DECOMPRESSION_FAILED", "The partner's compressed message could not be decompressed."),
            Map.entry("AGREEMENT_NOT_FOUND", "No active agreement on this server matches the AS2-From and AS2-To"
                    + " of the message."),
            Map.entry("INSUFFICENT_MESSAGE_SECURITY_UNENCRYPTED", "The partner sent the message unencrypted, which"
                    + " the agreement does not allow."),
            Map.entry("DUPLICATE_MESSAGE", "This Message-ID was received before; it was not stored again."),
            Map.entry("INVALID_REQUEST", "The request was not a valid AS2 message (headers or body malformed)."));

    private FailureTexts() {
    }

    /** The plain explanation of a code, or a generic one for a code not listed. */
    static String explain(String code) {
        if (code == null) {
            return "";
        }
        return TEXTS.getOrDefault(code, "The transfer failed with code " + code + ".");
    }
}
