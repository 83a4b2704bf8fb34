package io.transferas2.as2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.certs.PemCodec;

/** The captured Mendelson/OpenAS2 traffic in {@code shared/interop/alexdean-as2} and its keys. */
final class InteropVectors {
    private InteropVectors() {
    }

    static Path dir() {
        String shared = System.getProperty("transferas2.shared.dir", "../../shared");
        return Path.of(shared, "interop", "alexdean-as2");
    }

    static List<JsonNode> manifest() throws IOException {
        JsonNode root = new ObjectMapper().readTree(dir().resolve("manifest.json").toFile());
        List<JsonNode> entries = new ArrayList<>();
        root.forEach(entries::add);
        return entries;
    }

    static X509Certificate certificate(String relative) throws IOException {
        return PemCodec.readCertificates(relative, Files.readString(dir().resolve(relative))).get(0);
    }

    static PrivateKey privateKey(String relative) throws IOException {
        return PemCodec.readPrivateKey(relative, Files.readString(dir().resolve(relative)), null);
    }

    /** The receiver's decryption key: server.key with server.crt. */
    static KeyMaterial serverKey() throws IOException {
        return new KeyMaterial("server", certificate("certificates/server.crt"), List.of(),
                privateKey("certificates/server.key"));
    }

    /** The sender's signing certificate, client.crt. */
    static X509Certificate clientCertificate() throws IOException {
        return certificate("certificates/client.crt");
    }
}
