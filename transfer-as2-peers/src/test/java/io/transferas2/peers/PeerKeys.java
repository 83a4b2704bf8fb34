package io.transferas2.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keys generated once per test JVM (RSA-2048 generation costs ~100 ms each) and sample payloads. */
final class PeerKeys {

    static final PeerIdentity SENDER = PeerIdentity.generate("PEERS-SENDER");
    static final PeerIdentity RECEIVER = PeerIdentity.generate("PEERS-RECEIVER");
    static final PeerIdentity STRANGER = PeerIdentity.generate("PEERS-SENDER");

    private PeerKeys() {
    }

    /** An X12-like text payload of about {@code size} bytes, with CRLF segment ends. */
    static Path x12(Path dir, int size) throws IOException {
        StringBuilder sb = new StringBuilder("ISA*00*          *00*          *ZZ*PEERS-SENDER   *ZZ*PEERS-RECEIVER *"
                                             + "251121*0853*U*00401*000000001*0*T*>~\r\n");
        int line = 0;
        while (sb.length() < size) {
            sb.append("PO1*").append(line++).append("*10*EA*9.25**BP*ITEM-").append(line).append("~\r\n");
        }
        sb.append("IEA*1*000000001~\r\n");
        Path file = Files.createTempFile(dir, "order", ".x12");
        Files.writeString(file, sb, StandardCharsets.US_ASCII);
        return file;
    }

    static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return PayloadDigest.sha256Hex(in);
        }
    }
}
