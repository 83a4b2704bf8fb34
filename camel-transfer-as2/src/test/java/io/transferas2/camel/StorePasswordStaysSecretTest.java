package io.transferas2.camel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster store's password on a real PostgreSQL that checks it (scram-sha-256 for role {@code as2}, zonky's
 * server binaries): given as {@code {{env:TRANSFER_AS2_TEST_DB_PASSWORD}}} (set by the surefire configuration) it
 * opens the store and seeds the shared registry; a wrong one stops the start with a clear error. Neither password
 * reaches the output (Camel Main's configuration summary included), an exception message, or a file the station
 * writes.
 */
class StorePasswordStaysSecretTest {
    private static final String ENV = "TRANSFER_AS2_TEST_DB_PASSWORD";
    private static final String WRONG_PASSWORD = "wrongDbPassw0rd-7c1e";

    @TempDir
    static Path pgData;
    static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE as2 LOGIN PASSWORD '" + System.getenv(ENV).replace("'", "''") + "'");
            s.execute("GRANT ALL ON SCHEMA public TO as2");
            // the superuser keeps trust (the test's own look-ups); role as2 must give its password
            Files.writeString(pgData.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
            try (ResultSet rs = s.executeQuery("SELECT pg_reload_conf()")) {
                rs.next();
            }
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void thePasswordFromTheEnvironmentOpensTheStoreAndIsNeverPrinted() throws Exception {
        String password = System.getenv(ENV);
        assertThat(password).as("surefire sets " + ENV).isNotBlank();
        Captured out = new Captured();
        Main main = main("{{env:" + ENV + "}}");
        try {
            main.start();
            TransferAs2Component component = main.getCamelContext().getComponent("transfer-as2",
                    TransferAs2Component.class);
            assertThat(component.transferRegistry().listServers(10, null).items()).hasSize(1);
            assertThat(new TransferAs2StoreHealthCheck(component).call().getState().name()).isEqualTo("UP");
        } finally {
            main.stop();
            out.close();
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename ="
                     + " 'tas2_registry_version'")) {
            assertThat(rs.next()).as("the store's tables exist").isTrue();
            assertThat(rs.getString(1)).as("created by the role that logged in with the password").isEqualTo("as2");
        }
        assertThat(out.text()).contains("transfer-as2 transfer store on jdbc:postgresql://").doesNotContain(password);
        assertNotInFiles(password);
    }

    @Test
    void aWrongPasswordStopsTheStartWithAClearErrorThatDoesNotCarryIt() throws Exception {
        Captured out = new Captured();
        Main main = main(WRONG_PASSWORD);
        Throwable failure = null;
        try {
            main.start();
        } catch (Exception e) {
            failure = e;
        } finally {
            main.stop();
            out.close();
        }
        assertThat(failure).as("the start fails").isNotNull();
        assertThat(failure).hasStackTraceContaining("password authentication failed for user \"as2\"");
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(WRONG_PASSWORD);
        }
        assertThat(out.text()).doesNotContain(WRONG_PASSWORD).doesNotContain(System.getenv(ENV));
        assertNotInFiles(WRONG_PASSWORD);
    }

    /** A station as Camel Main (so Camel JBang) starts it, its store on the test's PostgreSQL as role as2. */
    private Main main(String passwordProperty) throws Exception {
        Path registry = Files.writeString(dir.resolve("registry.yaml"), "Servers:\n  - ServerId: s-0a1b2c3d4e5f60718\n"
                + "    Protocols: [AS2]\n");
        Path properties = Files.writeString(dir.resolve("application.properties"), String.join("\n",
                "camel.main.auto-configuration-log-summary=true",
                "camel.component.transfer-as2.registry-file=" + registry,
                "camel.component.transfer-as2.store-url=jdbc:postgresql://localhost:" + postgres.getPort()
                        + "/postgres",
                "camel.component.transfer-as2.store-user=as2",
                "camel.component.transfer-as2.store-password=" + passwordProperty,
                "camel.component.transfer-as2.store-pool-size=2",
                "camel.component.transfer-as2.store-directory=" + dir.resolve("store"), ""));
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + properties);
        return main;
    }

    private void assertNotInFiles(String secret) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("application.properties")).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(secret);
            }
        }
    }

    /** System.out and System.err, still printed, and captured until closed. */
    private static final class Captured implements AutoCloseable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream originalOut = System.out;
        private final PrintStream originalErr = System.err;

        Captured() {
            System.setOut(new PrintStream(new Tee(originalOut, bytes), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(originalErr, bytes), true, StandardCharsets.UTF_8));
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
