package io.transferas2.peers;

import java.io.IOException;
import java.util.List;

/** The four peers under test, by name, for parameterised interop tests. */
final class Peers {

    static final List<String> SERVERS = List.of("camel", "as2lib");
    static final List<String> CLIENTS = List.of("camel", "as2lib");

    private Peers() {
    }

    static As2PeerServer server(String name, ServerOptions options) throws IOException {
        return "camel".equals(name) ? CamelAs2Server.start(options) : As2LibReceiver.start(options);
    }

    static As2PeerClient client(String name) {
        return "camel".equals(name) ? CamelAs2Client.create() : As2LibClient.create();
    }
}
