package io.transferas2.s3;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns S3Proxy's start-up chatter (Jetty banner, connector and CORS lines, about ten INFO lines per start) down to
 * WARN, unless the application already configured those loggers. Works with the slf4j backends a Camel application
 * meets: log4j2 (Camel JBang, Camel Main), logback (Spring Boot) and slf4j-simple. Reflection keeps this module free
 * of a logging-backend dependency; any failure leaves logging as it was.
 */
final class QuietLogging {

    static final List<String> NOISY_LOGGERS = List.of("org.gaul.s3proxy", "org.gaul.shaded.org.eclipse.jetty");

    private static volatile boolean applied;

    private QuietLogging() {
    }

    static void apply() {
        if (applied) {
            return;
        }
        applied = true;
        // slf4j-simple reads a logger's level from system properties when the logger is first created
        for (String name : NOISY_LOGGERS) {
            System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log." + name, "warn");
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        String kind = factory.getClass().getName();
        try {
            if (kind.startsWith("org.apache.logging.slf4j")) {
                quietLog4j2(factory.getClass().getClassLoader());
            } else if (kind.startsWith("ch.qos.logback")) {
                quietLogback(factory);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(QuietLogging.class).debug("Cannot adjust S3Proxy log levels", e);
        }
    }

    private static void quietLog4j2(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> logManager = Class.forName("org.apache.logging.log4j.LogManager", true, loader);
        Object context = logManager.getMethod("getContext", boolean.class).invoke(null, false);
        Object configuration = context.getClass().getMethod("getConfiguration").invoke(context);
        Map<?, ?> configured = (Map<?, ?>) configuration.getClass().getMethod("getLoggers").invoke(configuration);
        Class<?> level = Class.forName("org.apache.logging.log4j.Level", true, loader);
        Object warn = level.getField("WARN").get(null);
        Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator", true, loader);
        Method setLevel = configurator.getMethod("setLevel", String.class, level);
        for (String name : NOISY_LOGGERS) {
            if (!configured.containsKey(name) && !configured.containsKey("org.gaul")) {
                setLevel.invoke(null, name, warn);
            }
        }
    }

    private static void quietLogback(ILoggerFactory factory) throws ReflectiveOperationException {
        for (String name : NOISY_LOGGERS) {
            Object logger = factory.getLogger(name);
            if (logger.getClass().getMethod("getLevel").invoke(logger) == null) {
                ClassLoader loader = logger.getClass().getClassLoader();
                Class<?> level = Class.forName("ch.qos.logback.classic.Level", true, loader);
                logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
            }
        }
    }
}
