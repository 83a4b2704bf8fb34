package io.transferas2.transfer;

import java.nio.file.Path;
import java.util.Map;

/**
 * An MDN a partner POSTed to one of our servers for an ASYNC send, handed from the server consumer to the connector
 * side. The body (the MDN, small) is spooled to a file the server consumer owns and deletes afterwards.
 *
 * @param serverId    the server that received it
 * @param clientIp    the sender's address
 * @param headers     the HTTP request headers, keys as received (look them up case-insensitively)
 * @param contentType the request's Content-Type
 * @param body        the request body
 */
public record AsyncMdn(String serverId, String clientIp, Map<String, String> headers, String contentType,
                       Path body) {
}
