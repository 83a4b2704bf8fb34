package io.transferas2.camel;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 14: Camel's {@code properties} and {@code main-configuration} consoles (copied by Camel JBang into
 * {@code ~/.camel/<pid>-status.json}) mask every secret in their JSON and text forms, including names Camel's own list
 * misses ({@code access-keys}, {@code key-encryption-password}) and secrets copied into other properties. The full
 * proof with a {@code camel run} station is the launcher's StatusFileSecretsTest.
 */
class SecretMaskingConsolesTest {

    @Test
    void consolesOfACamelMainContextMaskSecrets() throws Exception {
        Main main = new Main();
        Properties p = new Properties();
        p.setProperty("camel.main.dev-console-enabled", "true");
        p.setProperty("s3.secret-key", "S3SECRETVALUE1");
        p.setProperty("camel.component.transfer-as2.access-keys", "AKIAADMIN00000000001:APISECRETVALUE2");
        p.setProperty("camel.component.transfer-as2.key-encryption-password", "KEYPASSWORD3");
        p.setProperty("transferas2.trigger.token", "TRIGGERTOKEN4");
        p.setProperty("my.copy", "{{s3.secret-key}}");
        p.setProperty("transferas2.server-id", "s-0123456789abcdef0");
        main.setInitialProperties(p);
        main.start();
        try {
            DevConsoleRegistry registry = main.getCamelContext().getCamelContextExtension()
                    .getContextPlugin(DevConsoleRegistry.class);
            for (String id : new String[] {"properties", "main-configuration"}) {
                DevConsole console = registry.resolveById(id);
                assertThat(console).as(id).isNotNull();
                String json = String.valueOf(console.call(DevConsole.MediaType.JSON, Map.of()));
                String text = String.valueOf(console.call(DevConsole.MediaType.TEXT, Map.of()));
                for (String out : new String[] {json, text}) {
                    assertThat(out).as(id).doesNotContain("S3SECRETVALUE1", "APISECRETVALUE2", "KEYPASSWORD3",
                            "TRIGGERTOKEN4");
                }
            }
            String props = String.valueOf(registry.resolveById("properties").call(DevConsole.MediaType.JSON,
                    Map.of()));
            assertThat(props).contains("s-0123456789abcdef0").contains("xxxxxx");
        } finally {
            main.stop();
        }
    }

    @Test
    void sensitiveNames() {
        assertThat(SensitiveProperties.isSensitive("s3.secret-key")).isTrue();
        assertThat(SensitiveProperties.isSensitive("camel.component.transfer-as2.access-keys")).isTrue();
        assertThat(SensitiveProperties.isSensitive("camel.component.transfer-as2.keyEncryptionPassword")).isTrue();
        assertThat(SensitiveProperties.isSensitive("s3.session-token")).isTrue();
        assertThat(SensitiveProperties.isSensitive("transferas2.server-id")).isFalse();
        assertThat(SensitiveProperties.isSensitive("camel.server.port")).isFalse();
    }
}
