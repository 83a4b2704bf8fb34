package io.transferas2.camel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * Camel's {@code properties} or {@code main-configuration} console with secrets masked. Camel JBang writes their JSON
 * into {@code ~/.camel/<pid>-status.json} every second (world-readable), and the JSON form masks nothing; this wrapper
 * replaces the value of every entry whose {@code key} is {@linkplain SensitiveProperties#isSensitive sensitive}, and any
 * secret value wherever else it appears (a property that copies a secret through a placeholder).
 */
final class MaskingDevConsole extends ServiceSupport implements DevConsole, CamelContextAware {
    private static final List<String> VALUE_FIELDS = List.of("value", "originalValue", "defaultValue");

    private final DevConsole delegate;
    private CamelContext context;

    MaskingDevConsole(DevConsole delegate) {
        this.delegate = delegate;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
        CamelContextAware.trySetCamelContext(delegate, context);
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(delegate);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(delegate);
    }

    @Override
    public String getGroup() {
        return delegate.getGroup();
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public String getDisplayName() {
        return delegate.getDisplayName();
    }

    @Override
    public String getDescription() {
        return delegate.getDescription() + " (secrets masked)";
    }

    @Override
    public boolean supportMediaType(MediaType mediaType) {
        return delegate.supportMediaType(mediaType);
    }

    @Override
    public Object call(MediaType mediaType, Map<String, Object> options) {
        Object result = delegate.call(mediaType, options);
        Set<String> secrets = SensitiveProperties.values(context);
        return mask(result, secrets);
    }

    /** A masked copy: the consoles' maps and lists may be unmodifiable. */
    static Object mask(Object value, Set<String> secrets) {
        if (value instanceof Map<?, ?> map) {
            boolean sensitiveEntry = map.get("key") instanceof String key && SensitiveProperties.isSensitive(key);
            JsonObject copy = new JsonObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                boolean hide = sensitiveEntry && VALUE_FIELDS.contains(name) && e.getValue() != null;
                copy.put(name, hide ? SensitiveProperties.MASK : mask(e.getValue(), secrets));
            }
            return copy;
        }
        if (value instanceof Collection<?> list) {
            JsonArray copy = new JsonArray();
            list.forEach(v -> copy.add(mask(v, secrets)));
            return copy;
        }
        if (value instanceof String s) {
            return maskText(s, secrets);
        }
        return value;
    }

    /** Text form: {@code <location> <key> = <value>} lines, plus any secret value anywhere. */
    static String maskText(String text, Set<String> secrets) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                String head = line.substring(0, eq).strip();
                String key = head.substring(head.lastIndexOf(' ') + 1);
                if (SensitiveProperties.isSensitive(key)) {
                    line = line.substring(0, eq) + " = " + SensitiveProperties.MASK;
                }
            }
            out.append(SensitiveProperties.maskValues(line, secrets)).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
