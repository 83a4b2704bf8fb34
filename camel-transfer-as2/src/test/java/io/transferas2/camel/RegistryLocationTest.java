package io.transferas2.camel;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.registry.TransferRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * registryFile as a path, {@code file:} and {@code classpath:} (exploded and inside a jar, as in an exported
 * application), and a bare relative name found only on the classpath, which is where {@code camel export} puts it.
 */
class RegistryLocationTest {
    private static final String SERVER_IN_CLASSPATH_FILE = "s-0a0b0c0d0e0f00001";
    private static final String SERVER_IN_JAR = "s-0a0b0c0d0e0f00002";
    private static final String SERVER_ON_DISK = "s-0a0b0c0d0e0f00003";

    @TempDir
    Path dir;

    @Test
    void fileUrlAndPlainPathReadTheFileSystem() throws Exception {
        Path file = serverRegistry(dir.resolve("disk.yaml"), SERVER_ON_DISK);
        assertThat(registry("file:" + file, null).describeServer(SERVER_ON_DISK).getServerId())
                .isEqualTo(SERVER_ON_DISK);
        assertThat(registry(file.toString(), null).describeServer(SERVER_ON_DISK).getServerId())
                .isEqualTo(SERVER_ON_DISK);
    }

    @Test
    void classpathResourceOfAnExplodedClasspath() throws Exception {
        assertThat(registry("classpath:registry-location/station.yaml", null)
                .describeServer(SERVER_IN_CLASSPATH_FILE).getState()).hasToString("ONLINE");
    }

    @Test
    void classpathResourceInsideAJarAsInAnExportedApplication() throws Exception {
        Path registry = serverRegistry(dir.resolve("registry.yaml"), SERVER_IN_JAR);
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("config/registry.yaml"));
            out.write(Files.readAllBytes(registry));
            out.closeEntry();
        }
        Files.delete(registry);
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
            assertThat(registry("classpath:config/registry.yaml", loader).describeServer(SERVER_IN_JAR)
                    .getServerId()).isEqualTo(SERVER_IN_JAR);
            // a bare relative name that is not on disk (camel export's registry-file=registry.yaml) is found there
            assertThat(registry("config/registry.yaml", loader).describeServer(SERVER_IN_JAR).getServerId())
                    .isEqualTo(SERVER_IN_JAR);
        }
    }

    @Test
    void missingClasspathResourceAndPersistingToTheClasspathFailClearly() {
        assertThatThrownBy(() -> registry("classpath:registry-location/nope.yaml", null))
                .hasStackTraceContaining("Registry file classpath:registry-location/nope.yaml is not on the classpath");
        assertThatThrownBy(() -> {
            try (CamelContext context = new DefaultCamelContext()) {
                TransferAs2Component component = context.getComponent("transfer-as2", TransferAs2Component.class);
                component.setRegistryFile("classpath:registry-location/station.yaml");
                component.setPersistRegistryChanges(true);
                context.start();
            }
        }).hasStackTraceContaining("persistRegistryChanges needs a registry file on the file system");
        assertThatThrownBy(() -> registry(dir.resolve("absent.yaml").toString(), null))
                .hasStackTraceContaining("does not exist");
    }

    /** Starts a context whose component opens {@code location}, optionally with an application class loader. */
    private static TransferRegistry registry(String location, ClassLoader loader) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            if (loader != null) {
                context.setApplicationContextClassLoader(loader);
            }
            TransferAs2Component component = context.getComponent("transfer-as2", TransferAs2Component.class);
            component.setRegistryFile(location);
            context.start();
            return component.transferRegistry();
        }
    }

    private static Path serverRegistry(Path file, String serverId) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("Servers:\n  - ServerId: " + serverId + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
