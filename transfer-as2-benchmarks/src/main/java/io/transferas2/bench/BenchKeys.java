package io.transferas2.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.transferas2.peers.PartnerIdentity;
import io.transferas2.peers.PeerIdentity;
import io.transferas2.peers.PemFiles;

/**
 * The two RSA-2048 identities of every run, generated once by the orchestrator into {@code keys/} and read by each
 * child JVM: the sender (who signs and is verified) and the receiver (who decrypts and signs the MDN), whichever
 * product plays each side.
 */
final class BenchKeys {
    static final String SENDER = "BENCH-SENDER";
    static final String RECEIVER = "BENCH-RECEIVER";

    private final Path dir;

    BenchKeys(Path dir) {
        this.dir = dir;
    }

    /** Generates both identities unless they are already there. */
    static BenchKeys generate(Path dir) throws IOException {
        if (!Files.exists(dir.resolve(SENDER + ".key")) || !Files.exists(dir.resolve(RECEIVER + ".key"))) {
            PemFiles.writeIdentity(dir, PeerIdentity.generate(SENDER));
            PemFiles.writeIdentity(dir, PeerIdentity.generate(RECEIVER));
        }
        return new BenchKeys(dir);
    }

    Path dir() {
        return dir;
    }

    PeerIdentity identity(String as2Id) throws IOException {
        return PemFiles.readIdentity(as2Id, key(as2Id), certificate(as2Id));
    }

    PartnerIdentity partner(String as2Id) throws IOException {
        return new PartnerIdentity(as2Id, PemFiles.readCertificate(certificate(as2Id)));
    }

    Path key(String as2Id) {
        return dir.resolve(as2Id + ".key");
    }

    Path certificate(String as2Id) {
        return dir.resolve(as2Id + ".crt");
    }

    String pem(Path file) throws IOException {
        return Files.readString(file);
    }
}
