package io.transferas2.console;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.camel.ResponseHeaderAllowList;
import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Configuration;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.camel.TransferAs2Endpoint;
import io.transferas2.queue.TransferQueue;
import io.transferas2.registry.SecretResolver;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.store.TransferHistory;
import io.transferas2.transfer.StoragePath;

/**
 * The consumer of {@code transfer-as2:console}: serves the operations console under {@value #PATH} on the runtime's
 * platform-http server (the station's port, beside AS2 and the API). The route receives one exchange per action an
 * operator took (headers: user, action, target; body: the outcome), for auditing beyond the store's own record.
 * Objects are read from S3 through the station's aws2-s3 component, with the station's credentials.
 */
public class ConsoleConsumer extends DefaultConsumer implements ConsoleBackend {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConsumer.class);
    public static final String PATH = "/console";
    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "set-cookie", "location",
            "x-frame-options", "x-content-type-options", "referrer-policy", "cache-control",
            "content-security-policy", "content-disposition");

    private Consumer http;
    private ConsoleHandler handler;
    private ProducerTemplate template;

    public ConsoleConsumer(TransferAs2Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TransferAs2Endpoint getEndpoint() {
        return (TransferAs2Endpoint) super.getEndpoint();
    }

    private TransferAs2Component component() {
        return getEndpoint().getComponent();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        TransferAs2Configuration config = getEndpoint().getConfiguration();
        SecretResolver secrets = registry().settings().secrets();
        ConsoleUsers users = ConsoleUsers.parse(config.getConsoleUsers(),
                v -> SecretResolver.isPlaceholder(v) ? secrets.resolve(v) : v);
        if (users.isEmpty()) {
            throw new IllegalStateException("transfer-as2:console refuses to start without users: set consoleUsers"
                    + " (name:role:hash; make a hash with java -cp camel-transfer-as2.jar"
                    + " io.transferas2.console.PasswordHashes)");
        }
        if (component().transferHistory() == null) {
            throw new IllegalStateException("transfer-as2:console needs the JDBC transfer store (embedded or on a"
                    + " DataSource); a custom TransferStore keeps no history");
        }
        handler = new ConsoleHandler(PATH, users, new ConsoleSessions(Duration.ofMillis(
                config.getConsoleSessionTimeout()), Clock.systemUTC()), this, Clock.systemUTC());
        Endpoint platformHttp = getEndpoint().getCamelContext().getEndpoint("platform-http:" + PATH
                + "?matchOnUriPrefix=true&httpMethodRestrict=GET,POST&useStreaming=false");
        if (platformHttp instanceof HeaderFilterStrategyAware filtered) {
            filtered.setHeaderFilterStrategy(
                    new ResponseHeaderAllowList(RESPONSE_HEADERS, filtered.getHeaderFilterStrategy()));
        }
        http = platformHttp.createConsumer(this::serve);
        ServiceHelper.initService(http);
        LOG.info("transfer-as2 console on platform-http path {} for {}; put the station behind TLS before exposing"
                + " it", PATH, users);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        template = getEndpoint().getCamelContext().createProducerTemplate();
        ServiceHelper.startService(template, http);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(http, template);
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownServices(http, template);
        super.doShutdown();
    }

    /** One HTTP request: the exchange becomes a ConsoleRequest, the ConsoleResponse the HTTP answer. */
    private void serve(Exchange exchange) {
        Message in = exchange.getMessage();
        ConsoleResponse response = handler.handle(request(in));
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        out.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        response.headers().forEach(out::setHeader);
        if (!response.cookies().isEmpty()) {
            out.setHeader("Set-Cookie", response.cookies().size() == 1 ? response.cookies().get(0)
                    : response.cookies());
        }
        out.setBody(response.body());
    }

    static ConsoleRequest request(Message in) {
        String method = in.getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        String path = uri == null ? "/" : uri;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        path = path.startsWith(PATH) ? path.substring(PATH.length()) : path;
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> h : in.getHeaders().entrySet()) {
            if (h.getValue() instanceof String v) {
                headers.put(h.getKey().toLowerCase(Locale.ROOT), v);
            }
        }
        Map<String, String> form = Map.of();
        String contentType = headers.getOrDefault("content-type", "");
        if ("POST".equalsIgnoreCase(method) && contentType.startsWith("application/x-www-form-urlencoded")) {
            Object body = in.getBody();
            if (body instanceof Map<?, ?> map) {
                Map<String, String> f = new LinkedHashMap<>();
                map.forEach((k, v) -> f.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
                form = f;
            } else {
                form = ConsoleRequest.parseForm(in.getBody(String.class));
            }
        }
        String proto = headers.get("x-forwarded-proto");
        String url = in.getHeader(Exchange.HTTP_URL, String.class);
        boolean https = "https".equalsIgnoreCase(proto) || url != null && url.startsWith("https:");
        return new ConsoleRequest(method, path, ConsoleRequest.parseForm(in.getHeader(Exchange.HTTP_QUERY,
                String.class)), form, ConsoleRequest.parseCookies(headers.get("cookie")), headers, https);
    }

    // ---- ConsoleBackend ------------------------------------------------------------------------------------------

    @Override
    public TransferRegistry registry() {
        return component().transferRegistry();
    }

    @Override
    public TransferHistory history() {
        return component().transferHistory();
    }

    @Override
    public TransferQueue queue() {
        return component().transferQueue();
    }

    @Override
    public Optional<InputStream> open(StoragePath path) throws Exception {
        CamelContext context = getEndpoint().getCamelContext();
        if (context.hasComponent("aws2-s3") == null && context.getComponent("aws2-s3", true, true) == null) {
            return Optional.empty();
        }
        Exchange result = template.request("aws2-s3:" + path.bucket() + "?operation=getObject", e -> {
            e.getMessage().setHeader("CamelAwsS3Key", path.key());
            e.getMessage().setHeader("CamelAwsS3BucketName", path.bucket());
        });
        if (result.getException() != null) {
            for (Throwable t = result.getException(); t != null; t = t.getCause()) {
                if (t.getClass().getSimpleName().equals("NoSuchKeyException")) {
                    return Optional.empty();
                }
            }
            throw result.getException();
        }
        return Optional.ofNullable(result.getMessage().getBody(InputStream.class));
    }

    @Override
    public void actionTaken(TransferHistory.AuditEntry entry) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setHeader(TransferAs2Constants.CONSOLE_USER, entry.user());
            exchange.getMessage().setHeader(TransferAs2Constants.CONSOLE_ACTION, entry.action());
            exchange.getMessage().setHeader(TransferAs2Constants.CONSOLE_TARGET, entry.target());
            exchange.getMessage().setBody(entry.outcome());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("transfer-as2 console audit route failed", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }
}
