package io.transferas2.camel;

import java.util.Map;

import org.apache.camel.main.MainConfigurationDevConsole;

/**
 * Camel Main's {@code main-configuration} console with secrets masked. A subclass rather than a wrapper: Camel Main
 * looks the console up and casts it to {@link MainConfigurationDevConsole} to hand it the start-up configuration.
 * Loaded only when Camel Main is on the classpath.
 */
final class MaskingMainConfigurationConsole extends MainConfigurationDevConsole {

    @Override
    protected String doCallText(Map<String, Object> options) {
        return MaskingDevConsole.maskText(super.doCallText(options),
                SensitiveProperties.values(getCamelContext()));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        return (Map<String, Object>) MaskingDevConsole.mask(super.doCallJson(options),
                SensitiveProperties.values(getCamelContext()));
    }
}
