package io.transferas2.launcher.karaf;

import java.io.File;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.apache.felix.fileinstall.ArtifactListener;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only Karaf bundle (KarafHeavyTest packs it and drops it into {@code deploy/}): runs every
 * {@code deploy/*.camel.yaml} in its own Camel context, the way {@code camel run} would. camel-karaf 4.14 deploys
 * Blueprint and Spring XML but has no deployer for YAML routes.
 * <p>
 * A {@code <name>.properties} beside the YAML file supplies its property placeholders; its
 * {@code camel.server.port} (and {@code camel.server.host}) start a camel-platform-http-vertx server for the
 * context, as {@code camel.server.*} does under Camel Main.
 */
public final class YamlRouteDeployer implements BundleActivator, ArtifactInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(YamlRouteDeployer.class);
    private static final String SUFFIX = ".camel.yaml";

    private final Map<File, CamelContext> contexts = new ConcurrentHashMap<>();
    private BundleContext bundleContext;
    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        bundleContext = context;
        registration = context.registerService(
                new String[] { ArtifactInstaller.class.getName(), ArtifactListener.class.getName() }, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        contexts.keySet().forEach(this::uninstall);
    }

    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(SUFFIX);
    }

    @Override
    public void install(File artifact) throws Exception {
        String name = artifact.getName().substring(0, artifact.getName().length() - SUFFIX.length());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        try {
            context.getCamelContextExtension().setName(name);
            File properties = new File(artifact.getParentFile(), name + ".properties");
            if (properties.isFile()) {
                context.getPropertiesComponent().setLocation("file:" + properties.getAbsolutePath());
                String port = context.getPropertiesComponent().resolveProperty("camel.server.port").orElse(null);
                if (port != null) {
                    VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
                    conf.setBindPort(Integer.parseInt(port));
                    conf.setBindHost(context.getPropertiesComponent().resolveProperty("camel.server.host")
                            .orElse("0.0.0.0"));
                    context.addService(new VertxPlatformHttpServer(conf));
                }
            }
            Resource routes = PluginHelper.getResourceLoader(context).resolveResource("file:" + artifact.getAbsolutePath());
            PluginHelper.getRoutesLoader(context).loadRoutes(routes);
            context.start();
            contexts.put(artifact, context);
            LOG.info("Started {} from {}", name, artifact);
        } catch (Exception | LinkageError e) {
            LOG.error("Cannot start {}", artifact, e);
            context.stop();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void update(File artifact) throws Exception {
        uninstall(artifact);
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        CamelContext context = contexts.remove(artifact);
        if (context != null) {
            context.stop();
            LOG.info("Stopped {}", context.getName());
        }
    }
}
