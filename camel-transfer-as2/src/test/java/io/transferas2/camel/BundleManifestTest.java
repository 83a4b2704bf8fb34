package io.transferas2.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OSGi headers bnd writes for Karaf: Camel imported from the 4.14 LTS on (what camel-karaf serves), Jackson,
 * BouncyCastle and HttpClient 5 with ranges, the runtime-specific pieces (Spring Boot's engine, the Servlet API,
 * Vert.x) optional, every package exported, and nothing of bcjmail.
 */
class BundleManifestTest {

    @Test
    void importsAreVersionRangedAndPlatformPiecesOptional() throws Exception {
        Attributes headers = manifest().getMainAttributes();
        assertThat(headers.getValue("Bundle-SymbolicName")).isEqualTo("io.transferas2.camel-transfer-as2");
        String imports = headers.getValue("Import-Package");
        assertThat(imports).contains("org.apache.camel;version=\"[4.14,5)\"",
                "org.apache.camel.component.platform.http;version=\"[4.14,5)\"",
                "org.apache.camel.support.console;version=\"[4.14,5)\"",
                "com.fasterxml.jackson.databind;version=\"[2.15,3)\"",
                "org.bouncycastle.cms;version=\"[1.78,2)\"",
                "org.apache.hc.client5.http.impl.classic;version=\"[5.2,6)\"",
                "org.apache.camel.component.platform.http.springboot;resolution:=optional",
                "jakarta.servlet.http;resolution:=optional",
                "io.vertx.core.http;resolution:=optional");
        assertThat(imports).doesNotContain("org.bouncycastle.mail", "javax.mail", "jakarta.mail");
        assertThat(headers.getValue("Export-Package")).contains("io.transferas2.camel;version=\"0.1.0\"",
                "io.transferas2.registry;version=\"0.1.0\"");
    }

    private static Manifest manifest() throws Exception {
        // written by bnd-maven-plugin into the classes directory before the jar is packed
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }
}
