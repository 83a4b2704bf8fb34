package io.transferas2.bench;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;

/**
 * Our sending side in one JVM: a CamelContext with the component and a connector to the receiver, driven through
 * one {@link ProducerTemplate} by every load thread ({@code to("transfer-as2:connector/<ConnectorId>")} with the
 * component's defaults: one pooled keep-alive HTTP client per connector, no {@code Expect}). An exchange counts when
 * the producer returns StatusCode COMPLETED: the MDN was signed and verified against the partner's certificate, named
 * our Message-ID, reported {@code processed} and returned our MIC (the producer fails the transfer otherwise).
 */
final class OursClient implements AutoCloseable {
    private final CamelContext context = new DefaultCamelContext();
    private ProducerTemplate template;
    private String uri;

    void start(BenchKeys keys, String url) throws Exception {
        OurRegistry registry = OurRegistry.sender(keys, url);
        TransferAs2Component component = new TransferAs2Component();
        component.setRegistry(registry.registry);
        context.addComponent("transfer-as2", component);
        context.start();
        template = context.createProducerTemplate();
        uri = "transfer-as2:connector/" + registry.connectorId;
    }

    Sender sender(Path payload, String fileName) {
        return () -> {
            Exchange e = template.send(uri, x -> {
                x.getMessage().setBody(payload);
                x.getMessage().setHeader(TransferAs2Constants.FILE_NAME, fileName);
            });
            if (e.getException() != null) {
                return e.getException().toString();
            }
            String status = e.getMessage().getHeader(TransferAs2Constants.STATUS_CODE, String.class);
            String disposition = e.getMessage().getHeader(TransferAs2Constants.DISPOSITION, String.class);
            if (!"COMPLETED".equals(status) || disposition == null || !disposition.endsWith("processed")) {
                return "status " + status + ", disposition " + disposition + ": "
                        + e.getMessage().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class);
            }
            return null;
        };
    }

    @Override
    public void close() {
        context.stop();
    }
}
