package io.transferas2.camel;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.spi.ContextServicePlugin;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link MaskingDevConsole}s in place of Camel's {@code properties} and {@code main-configuration} consoles in
 * every Camel context this component is on the classpath of (a {@link ContextServicePlugin}, loaded while the context
 * is built, before the consoles are). Camel JBang's CLI connector copies both consoles into
 * {@code ~/.camel/<pid>-status.json}; without this the resolved {@code s3.secret-key}, API secrets, trigger token and
 * key encryption password would be written there in clear.
 */
public final class SecretMaskingConsoles implements ContextServicePlugin {
    static final String MAIN_CONFIGURATION = "main-configuration";
    private static final Logger LOG = LoggerFactory.getLogger(SecretMaskingConsoles.class);

    @Override
    public void load(CamelContext context) {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        if (registry == null) {
            return;
        }
        replace(context, registry, "properties");
        if (camelMainPresent()) {
            // registered before Camel Main resolves it: Main then fills this one with its start-up configuration
            Optional<DevConsole> current = registry.getConsole(MAIN_CONFIGURATION);
            if (current.isEmpty() || !(current.get() instanceof MaskingMainConfigurationConsole)) {
                current.ifPresent(registry::unregister);
                registry.register(new MaskingMainConfigurationConsole());
            }
        }
    }

    private static boolean camelMainPresent() {
        try {
            Class.forName("org.apache.camel.main.MainConfigurationDevConsole", false,
                    SecretMaskingConsoles.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static void replace(CamelContext context, DevConsoleRegistry registry, String id) {
        Optional<DevConsole> current = registry.getConsole(id);
        if (current.isPresent() && current.get() instanceof MaskingDevConsole) {
            return;
        }
        DevConsole original = current.orElseGet(() -> resolve(context, id));
        if (original == null) {
            return; // camel-console (or camel-main for main-configuration) is not on the classpath
        }
        current.ifPresent(registry::unregister);
        registry.register(new MaskingDevConsole(original));
        LOG.debug("dev console {} masks secrets", id);
    }

    private static DevConsole resolve(CamelContext context, String id) {
        try {
            return PluginHelper.getDevConsoleResolver(context).resolveDevConsole(id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
