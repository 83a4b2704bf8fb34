package io.transferas2.camel;

import java.util.concurrent.Executor;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;

/**
 * The platform-http engine of one server consumer's endpoint under Spring Boot: Spring Boot's own engine (same port,
 * same Spring MVC request mapping), except that its consumers leave the request body to the server consumer
 * ({@link SpringBootStreamingConsumer}) and run on the given executor. Loaded only when camel-platform-http-starter
 * is on the classpath.
 */
final class SpringBootStreamingEngine implements PlatformHttpEngine {
    private final PlatformHttpEngine delegate;
    private final Executor executor;

    private SpringBootStreamingEngine(PlatformHttpEngine delegate, Executor executor) {
        this.delegate = delegate;
        this.executor = executor;
    }

    /** The runtime's engine for {@code endpoint} when it is Spring Boot's, else null (Vert.x streams on its own). */
    static PlatformHttpEngine springBootEngine(PlatformHttpEndpoint endpoint) {
        PlatformHttpEngine engine = endpoint.getPlatformHttpEngine();
        if (engine == null) {
            engine = endpoint.getComponent().getEngine();
        }
        if (engine == null) {
            CamelContext context = endpoint.getCamelContext();
            engine = context.getRegistry().lookupByNameAndType(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME,
                    PlatformHttpEngine.class);
        }
        return engine instanceof SpringBootPlatformHttpEngine ? engine : null;
    }

    /** Serves {@code endpoint} through Spring Boot's {@code engine} with its consumers running on {@code executor}. */
    static void install(PlatformHttpEndpoint endpoint, PlatformHttpEngine engine, Executor executor) {
        endpoint.setPlatformHttpEngine(new SpringBootStreamingEngine(engine, executor));
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new SpringBootStreamingConsumer(endpoint, processor, executor);
    }

    @Override
    public int getServerPort() {
        return delegate.getServerPort();
    }
}
