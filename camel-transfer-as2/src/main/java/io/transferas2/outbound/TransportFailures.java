package io.transferas2.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

import io.transferas2.as2.As2FailureCode;

/**
 * Maps what went wrong on the wire to AWS's failure codes and messages. AWS documents no code for a partner that
 * accepts the connection and then never answers; we report it as {@code UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP}
 * (the partner is not usable, a resend may cure it) with a message that names the read timeout.
 */
final class TransportFailures {
    private TransportFailures() {
    }

    /** A failure code and message. */
    record Failure(As2FailureCode code, String message) {
    }

    static Failure of(IOException e, URI url, String messageId, Duration readTimeout, String partnerProfileId) {
        String host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        if (e instanceof UnknownHostException) {
            return new Failure(As2FailureCode.UNABLE_TO_RESOLVE_HOSTNAME, "Unable to resolve host name "
                    + url.getHost());
        }
        if (e instanceof ConnectTimeoutException) {
            return new Failure(As2FailureCode.UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP, "Connection to endpoint timed"
                    + " out: " + host);
        }
        if (e instanceof HttpHostConnectException || e instanceof ConnectException
                || e instanceof NoRouteToHostException) {
            return new Failure(As2FailureCode.UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP, "Unable to connect to " + host
                    + ": " + rootMessage(e));
        }
        if (e instanceof SocketTimeoutException) {
            return new Failure(As2FailureCode.UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP, "Timeout: " + url + " did not"
                    + " answer message with ID " + messageId + " within the read timeout of " + readTimeout.toSeconds()
                    + "s; the partner may still have received and stored the file (a resend with the same"
                    + " Message-ID lets it detect the duplicate)");
        }
        if (e instanceof SSLException) {
            return new Failure(As2FailureCode.UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP, "TLS connection to " + host
                    + " failed: " + rootMessage(e) + ". If the partner's server certificate is self-signed or from a"
                    + " private CA, import it into partner profile " + partnerProfileId + " with Usage TLS");
        }
        return new Failure(As2FailureCode.UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP, "Connection to " + host
                + " failed while sending message with ID " + messageId + ": " + rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
