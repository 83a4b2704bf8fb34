package io.transferas2.camel;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.converter.stream.FileInputStreamCache;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.as2.As2Limits;
import io.transferas2.inbound.AsyncMdnSender;
import io.transferas2.inbound.BodyReadLimits;
import io.transferas2.inbound.DuplicateGuard;
import io.transferas2.inbound.InboundDelivery;
import io.transferas2.inbound.InboundReceiver;
import io.transferas2.inbound.MdnUrlPolicy;
import io.transferas2.inbound.ReceivedMessageIds;
import io.transferas2.inbound.ReceiverSettings;
import io.transferas2.inbound.RequestGate;
import io.transferas2.inbound.StaleTempFiles;
import io.transferas2.inbound.TrustedProxies;
import io.transferas2.registry.ResourceNotFoundException;

/**
 * The consumer of {@code transfer-as2:server/<ServerId>}: receives AS2 messages under the server's agreements on the
 * runtime's platform-http server (it never opens a socket of its own) and hands each payload, failure and async MDN to
 * the route as an exchange. See {@link InboundReceiver} for the protocol rules and {@link InboundHeaders} for what the
 * route sees.
 */
public class TransferAs2ServerConsumer extends DefaultConsumer implements Suspendable {
    private static final Logger LOG = LoggerFactory.getLogger(TransferAs2ServerConsumer.class);
    /** Spring Boot's platform-http engine and the Servlet API are on the classpath (both optional). */
    private static final boolean SPRING_BOOT = present(
            "org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine")
            && present("jakarta.servlet.http.HttpServletRequestWrapper");
    /** Requests served at once under Spring Boot: the size of Vert.x's worker pool, which serves them elsewhere. */
    private static final int SERVLET_THREADS = 20;
    /** The AS2 response headers (MDN headers, Allow, Retry-After, Connection); platform-http writes Content-Type. */
    private static final Set<String> RESPONSE_HEADERS = Set.of("as2-version", "as2-from", "as2-to", "message-id",
            "subject", "mime-version", "allow", "retry-after", "connection");

    private Consumer http;
    private IdempotentRepository repository;
    private ScheduledExecutorService scheduler;
    private ExecutorService servletPool;
    private InboundReceiver receiver;
    private RequestGate gate;
    private String path;
    private ReceiptRecorder receipts;
    private volatile java.util.function.Consumer<AsyncMdnSender.Delivery> mdnDeliveryListener = d -> { };

    public TransferAs2ServerConsumer(TransferAs2Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TransferAs2Endpoint getEndpoint() {
        return (TransferAs2Endpoint) super.getEndpoint();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        TransferAs2Configuration config = getEndpoint().getConfiguration();
        TransferAs2Component component = getEndpoint().getComponent();
        String serverId = getEndpoint().getId();
        path = path(config);
        receipts = new ReceiptRecorder(component, Clock.systemUTC());
        receipts.open();
        repository = config.getIdempotentRepository();
        ReceivedMessageIds ids;
        if (repository != null) {
            ids = new IdempotentMessageIds(repository);
        } else {
            // the transfer store; a file of earlier versions is imported into it once
            Path legacy = config.getReceivedMessageIdsFile() != null ? Path.of(config.getReceivedMessageIdsFile())
                    : Path.of(".transfer-as2", serverId, "received-message-ids.dat");
            ids = new StoreMessageIds(component.transferStore().keys(StoreMessageIds.KEY_SET));
            StoreRuntime.importKeyFile(legacy, component.transferStore().keys(StoreMessageIds.KEY_SET));
            LOG.info("transfer-as2 server {}: received Message-IDs are recorded in the transfer store", serverId);
        }
        Path temp = config.getTempDirectory() != null ? Path.of(config.getTempDirectory())
                : Path.of(".transfer-as2", serverId, "tmp");
        As2Limits limits = As2Limits.defaults().withMaxDecompressedBytes(config.getMaxDecompressedSize())
                .withMaxCompressionRatio(config.getMaxCompressionRatio(), As2Limits.defaults().ratioGraceBytes());
        ReceiverSettings settings = new ReceiverSettings(serverId, blankToNull(config.getAgreementId()),
                config.getMaxMessageSize(), limits, TrustedProxies.parse(config.getTrustedProxies()), temp,
                config.getRawMessageSpoolLimit(), config.isRetryOnRouteFailure());
        scheduler = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newScheduledThreadPool(this, "transfer-as2-async-mdn-" + serverId, 2);
        AsyncMdnSender sender = new AsyncMdnSender(scheduler, config.getAsyncMdnAttempts(),
                Duration.ofMillis(config.getAsyncMdnRetryDelay()), Duration.ofMillis(config.getAsyncMdnDeliveryTimeout()),
                null);
        receiver = new InboundReceiver(settings, component.transferRegistry(), component.getCertificateStore(),
                new DuplicateGuard(ids),
                new MdnUrlPolicy(component.transferRegistry(), config.getAsyncMdnAllowedHosts(),
                        config.getAsyncMdnAllowedPorts(), this::stationPorts), sender,
                component::asyncMdnReceiver, this::deliver, d -> mdnDeliveryListener.accept(d),
                Clock.systemUTC());
        Endpoint platformHttp = getEndpoint().getCamelContext().getEndpoint("platform-http:" + path
                + "?useBodyHandler=false&useStreaming=false");
        if (SPRING_BOOT && platformHttp instanceof PlatformHttpEndpoint endpoint) {
            streamOnSpringBoot(endpoint, serverId);
        }
        if (platformHttp instanceof HeaderFilterStrategyAware filtered) {
            filtered.setHeaderFilterStrategy(
                    new ResponseHeaderAllowList(RESPONSE_HEADERS, filtered.getHeaderFilterStrategy()));
        }
        gate = new RequestGate(config.getMaxConcurrentRequests(), config.getMaxConcurrentRequestsPerClient());
        BodyReadLimits readLimits = new BodyReadLimits(Duration.ofMillis(config.getBodyIdleTimeout()),
                config.getBodyMinRate(), Duration.ofMillis(config.getBodyMinRateGrace()));
        http = platformHttp.createConsumer(new ServerHttpProcessor(receiver, gate, readLimits));
        ServiceHelper.initService(http);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TransferAs2Configuration config = getEndpoint().getConfiguration();
        // a file untouched for longer than a body may stay silent belongs to no live request
        StaleTempFiles.remove(receiver.settings().tempDirectory(),
                Duration.ofMillis(Math.max(60_000, 2 * config.getBodyIdleTimeout())));
        ServiceHelper.startService(repository, http);
        // the "consumers" health-check repository (camel-health) picks the check up through HealthCheckAware
        TransferAs2ServerHealthCheck check = new TransferAs2ServerHealthCheck(this, getRouteId());
        check.setEnabled(getEndpoint().getComponent().isHealthCheckConsumerEnabled());
        setHealthCheck(check);
        String serverId = getEndpoint().getId();
        try {
            getEndpoint().getComponent().transferRegistry().describeServer(serverId);
        } catch (ResourceNotFoundException e) {
            LOG.warn("transfer-as2 server {} does not exist in the registry yet: requests answer 503 until it is"
                    + " created", serverId);
        }
        LOG.info("transfer-as2 server {} receives AS2 on platform-http path {}", serverId, path);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(http);
        if (scheduler != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(scheduler,
                    TimeUnit.SECONDS.toMillis(10));
            scheduler = null;
        }
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownServices(http);
        if (servletPool != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(servletPool);
            servletPool = null;
        }
        super.doShutdown();
    }

    @Override
    protected void doSuspend() throws Exception {
        ServiceHelper.suspendService(http);
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(http);
        super.doResume();
    }

    @Override
    public boolean isHostedService() {
        return true;
    }

    /** The platform-http path served. */
    public String path() {
        return path;
    }

    /** Where the runtime's platform-http server serves this consumer (URL, protocol), or null before init. */
    public EndpointServiceLocation serviceLocation() {
        return http != null && http.getEndpoint() instanceof EndpointServiceLocation location ? location : null;
    }

    boolean isHttpRouteRegistered() {
        return http != null && ServiceHelper.isStarted(http) && isRunAllowed();
    }

    /** Told how each asynchronous MDN delivery ended (for monitoring and tests). */
    public void setMdnDeliveryListener(java.util.function.Consumer<AsyncMdnSender.Delivery> listener) {
        this.mdnDeliveryListener = listener == null ? d -> { } : listener;
    }

    /** Runs the route on one delivery; a failed route (exception or rollback) throws. */
    private void deliver(InboundDelivery delivery) throws Exception {
        Exchange exchange = createExchange(false);
        FileInputStreamCache body = null;
        try {
            InboundHeaders.apply(delivery, exchange.getMessage());
            if (delivery.body() != null) {
                body = new FileInputStreamCache(delivery.body().toFile());
                exchange.getMessage().setBody(body);
            }
            getProcessor().process(exchange);
            Integer retryAfter = exchange.getMessage().getHeader(TransferAs2Constants.RETRY_AFTER, Integer.class);
            boolean failed = exchange.getException() != null || exchange.isRollbackOnly();
            if (failed && retryAfter != null && retryAfter > 0) {
                throw new io.transferas2.inbound.RetryLaterException(retryAfter, exchange.getException());
            }
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            if (exchange.isRollbackOnly()) {
                throw new IllegalStateException("the route rolled the exchange back");
            }
            receipts.record(delivery);
        } catch (Exception e) {
            if (delivery.failed()) {
                // the failure happened whether or not the route could store it: the console shows it
                receipts.record(delivery);
            }
            throw e;
        } finally {
            if (body != null) {
                body.close();
            }
            releaseExchange(exchange, false);
        }
    }

    /** The ports of the station's HTTP server and management server, as configured (Camel Main properties). */
    private Set<Integer> stationPorts() {
        Set<Integer> ports = new java.util.HashSet<>();
        for (String name : new String[] {"camel.server.port", "camel.management.port", "server.port",
                "management.server.port"}) {
            getEndpoint().getCamelContext().getPropertiesComponent().resolveProperty(name).ifPresent(v -> {
                try {
                    ports.add(Integer.parseInt(v.strip()));
                } catch (NumberFormatException e) {
                    // not a number: nothing to protect under that name
                }
            });
        }
        return ports;
    }

    private static String path(TransferAs2Configuration config) {
        String p = config.getPath() == null || config.getPath().isBlank() ? "/as2" : config.getPath().strip();
        return p.startsWith("/") ? p : "/" + p;
    }

    /**
     * Spring Boot's engine would read the whole body before our processor runs; when it serves this endpoint, ours
     * takes its place and leaves the body to the receiver. Requests run on a pool of their own, as many at once as
     * Vert.x's worker pool serves elsewhere.
     */
    private void streamOnSpringBoot(PlatformHttpEndpoint endpoint, String serverId) {
        var engine = SpringBootStreamingEngine.springBootEngine(endpoint);
        if (engine != null) {
            servletPool = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newThreadPool(this, "transfer-as2-server-" + serverId, SERVLET_THREADS, SERVLET_THREADS);
            SpringBootStreamingEngine.install(endpoint, engine, servletPool);
            LOG.info("transfer-as2 server {}: served by Spring MVC; request bodies stream to the receiver on up to {}"
                    + " threads", serverId, SERVLET_THREADS);
        }
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, TransferAs2ServerConsumer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
