package io.transferas2.api;

import java.time.Clock;
import java.util.Set;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
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
import io.transferas2.registry.SecretResolver;
import io.transferas2.registry.TransferRegistry;

/**
 * The consumer of {@code transfer-as2:api}: serves the AWS Transfer JSON 1.1 API on the runtime's platform-http
 * server, so the AWS SDKs and CLI manage the registry with {@code --endpoint-url}. The route receives one exchange per
 * answered call (body: the response JSON; headers: operation, access key, error type), for auditing.
 */
public class TransferApiConsumer extends DefaultConsumer implements Suspendable {
    private static final Logger LOG = LoggerFactory.getLogger(TransferApiConsumer.class);
    /** The AWS response headers; Date lets the SDKs correct their clock after a "Signature expired" answer. */
    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "x-amzn-requestid",
            "x-amzn-errortype", "date");

    private Consumer http;
    private OutboundRouteStarter starter;

    public TransferApiConsumer(TransferAs2Endpoint endpoint, Processor processor) {
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
        TransferRegistry registry = getEndpoint().getComponent().transferRegistry();
        SecretResolver secrets = registry.settings().secrets();
        AccessKeys keys = AccessKeys.parse(config.getAccessKeys(), config.getReadOnlyAccessKeys(),
                value -> SecretResolver.isPlaceholder(value) ? secrets.resolve(value) : value);
        SigV4Verifier verifier = null;
        if (!keys.isEmpty()) {
            verifier = new SigV4Verifier(keys, config.getSigningRegion(), Clock.systemUTC());
            if (config.isAllowUnauthenticatedApi()) {
                LOG.info("transfer-as2 API: allowUnauthenticatedApi is ignored because accessKeys are configured");
            }
        } else if (!config.isAllowUnauthenticatedApi()) {
            throw new IllegalStateException("transfer-as2:api refuses to start without authentication: configure"
                    + " accessKeys (AccessKeyId:SecretAccessKey, secret as a placeholder) or, for development only,"
                    + " allowUnauthenticatedApi=true");
        }
        starter = new OutboundRouteStarter(getEndpoint().getCamelContext(), config.getStartFileTransferEndpoint());
        TransferAs2Component component = getEndpoint().getComponent();
        TransferApiOperations operations = new TransferApiOperations(registry,
                new RateLimiter(config.getStartFileTransferRate()), starter,
                (connectorId, transferId, max, token) -> component.transferQueue().results(connectorId, transferId,
                        max, token));
        ApiRequestHandler handler = new ApiRequestHandler(verifier, keys, operations, this::audit,
                Clock.systemUTC());
        Endpoint platformHttp = getEndpoint().getCamelContext().getEndpoint("platform-http:" + path(config)
                + "?httpMethodRestrict=POST&useStreaming=false");
        if (platformHttp instanceof HeaderFilterStrategyAware filtered) {
            filtered.setHeaderFilterStrategy(
                    new ResponseHeaderAllowList(RESPONSE_HEADERS, filtered.getHeaderFilterStrategy()));
        }
        http = platformHttp.createConsumer(handler);
        ServiceHelper.initService(http);
        if (keys.isEmpty()) {
            LOG.warn("****************************************************************************************");
            LOG.warn("* transfer-as2 API on {} runs WITHOUT AUTHENTICATION (allowUnauthenticatedApi=true).",
                    path(config));
            LOG.warn("* Anyone who reaches this port can create, change and delete every AS2 resource.");
            LOG.warn("* Development only: configure accessKeys before exposing it.");
            LOG.warn("****************************************************************************************");
        } else {
            LOG.info("transfer-as2 API serves AWS Transfer JSON 1.1 on platform-http path {} for {}{}", path(config),
                    keys, config.getSigningRegion() == null ? "" : " in region " + config.getSigningRegion());
        }
    }

    private static String path(TransferAs2Configuration config) {
        String path = config.getApiPath() == null || config.getApiPath().isBlank() ? "/" : config.getApiPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(starter, http);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(http, starter);
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownServices(http, starter);
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

    /** Hands the outcome of a call to the route; a failing route does not change the answer already given. */
    private void audit(ApiRequestHandler.Outcome outcome) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(outcome.responseBody());
            exchange.getMessage().setHeader(TransferAs2Constants.API_REQUEST_ID, outcome.requestId());
            exchange.getMessage().setHeader(TransferAs2Constants.API_OPERATION, outcome.operation());
            exchange.getMessage().setHeader(TransferAs2Constants.API_ACCESS_KEY_ID, outcome.accessKeyId());
            exchange.getMessage().setHeader(TransferAs2Constants.API_ERROR_TYPE, outcome.errorType());
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, outcome.status());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("transfer-as2 API audit route failed", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }
}
