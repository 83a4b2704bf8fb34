package io.transferas2.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.transferas2.certs.CertificateGenerator;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.certs.PemCodec;

/** RSA keys with self-signed certificates, generated once per test JVM and written as PEM files on demand. */
final class StationKeys {
    private static final Map<String, KeyMaterial> KEYS = new ConcurrentHashMap<>();

    private StationKeys() {
    }

    static KeyMaterial key(String name) {
        return KEYS.computeIfAbsent(name, n -> CertificateGenerator.selfSigned(n, Duration.ofDays(365)));
    }

    /** Writes {@code <dir>/<name>.crt} and, with {@code withPrivateKey}, {@code <dir>/<name>.key}. */
    static void write(Path dir, String name, boolean withPrivateKey) throws IOException {
        Files.createDirectories(dir);
        KeyMaterial key = key(name);
        Files.writeString(dir.resolve(name + ".crt"), PemCodec.toPem(List.of(key.certificate())));
        if (withPrivateKey) {
            Files.writeString(dir.resolve(name + ".key"), PemCodec.privateKeyToPem(key.privateKey().orElseThrow(),
                    null));
        }
    }
}
