package io.transferas2.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * One HTTP request as the receiver sees it, whatever server carries it (Vert.x, a servlet container, a test). The
 * body is opened at most once and only after the headers were accepted, so a request refused on its headers is
 * answered without reading it (and without {@code 100 Continue}).
 */
public interface InboundHttpRequest {

    /** The HTTP method, upper case. */
    String method();

    /** The request headers, looked up case-insensitively; several values of one name joined with ", ". */
    Map<String, String> headers();

    /** The address of the TCP peer (a proxy when there is one), or null when unknown. */
    String remoteAddress();

    /** The local port the request arrived on (one of the station's listeners), or -1 when unknown. */
    default int localPort() {
        return -1;
    }

    /** True when the request arrived over TLS on this server itself. */
    boolean secure();

    /**
     * Starts reading the body: answers {@code Expect: 100-continue} when the client asked, then streams the bytes as
     * they arrive. Called at most once.
     */
    InputStream openBody() throws IOException;

    /** True when the whole body was read (or there was none). */
    boolean bodyConsumed();

    /**
     * Asks the server to close the connection once the response is written: used when the body was not read to its
     * end, so the next request on the connection cannot be mistaken for the rest of this one.
     */
    void closeConnectionAfterResponse();
}
