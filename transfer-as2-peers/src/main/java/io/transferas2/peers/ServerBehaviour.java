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
    WRONG_MIC
}
