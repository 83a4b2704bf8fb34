package io.transferas2.peers;

/** How a harness server answers, so client tests can exercise failure paths against a real peer. */
public enum ServerBehaviour {
    /** The peer processes the message and answers as it normally does. */
    NORMAL,
    /** HTTP 500 without processing the message (the request body is still read). */
    HTTP_500,
    /** Accept the request, then answer nothing until the hang time has passed (client read timeout). */
    HANG,
    /** Process normally, but sign the MDN with a key that does not belong to the server's certificate. */
    WRONG_MDN_KEY,
    /** Process normally, but report a Received-Content-MIC over other bytes (the MDN is still validly signed). */
    WRONG_MIC,
    /** Process normally, but answer an unsigned MDN even when a signed one was requested (camel-as2 server only). */
    UNSIGNED_MDN,
    /** Process normally, but the MDN's Original-Message-ID names another message (camel-as2 server only). */
    OTHER_MESSAGE_ID,
    /**
     * Process normally, but sign the MDN validly with another station's key and certificate, one the sender's
     * partner profile does not hold (camel-as2 server only).
     */
    STRANGER_MDN_KEY,
    /** Process normally and answer {@code processed/warning} with the correct MIC (camel-as2 server only). */
    PROCESSED_WARNING,
    /**
     * Process normally, but compute the Received-Content-MIC (and sign the MDN) with SHA-512 whatever
     * {@code signed-receipt-micalg} asked for (camel-as2 server only).
     */
    OTHER_MICALG,
    /** Process normally, but answer HTTP 200 with an empty body instead of the MDN (camel-as2 server only). */
    EMPTY_200;

    /** True for the behaviours only {@link CamelAs2Server} plays. */
    boolean camelOnly() {
        return ordinal() >= UNSIGNED_MDN.ordinal();
    }
}
