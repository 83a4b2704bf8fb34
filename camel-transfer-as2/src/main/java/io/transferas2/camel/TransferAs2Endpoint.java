package io.transferas2.camel;

import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.transferas2.api.TransferApiConsumer;

/**
 * Send and receive AS2 (RFC 4130) files the way AWS Transfer Family does: a connector sends, a server receives under
 * its agreements; {@code transfer-as2:api} serves the AWS Transfer API so the AWS SDKs and CLI manage the resources.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "transfer-as2", title = "Transfer Family AS2",
             syntax = "transfer-as2:type/id", category = { Category.FILE, Category.HTTP, Category.SECURITY },
             headersClass = TransferAs2Constants.class)
public class TransferAs2Endpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(description = "What the endpoint names: connector (producer, sends through an AS2 connector), server"
                           + " (consumer, receives under the server's agreements) or api (consumer, serves the AWS"
                           + " Transfer control-plane API for the AWS SDKs and CLI) or transfers (producer: accepts"
                           + " a StartFileTransfer request into the durable queue and answers its TransferId;"
                           + " consumer: emits each queued file to send, one exchange per file) or console"
                           + " (consumer: serves the operations console under /console; one exchange per action"
                           + " an operator takes, for auditing)",
             enums = "connector,server,api,transfers,console")
    @Metadata(required = true)
    private String type;

    @UriPath(description = "The ConnectorId (c-...) for a connector producer, or the ServerId (s-...) for a server"
                           + " consumer; required for those, absent for api")
    private String id;

    @UriParam
    private TransferAs2Configuration configuration;

    public TransferAs2Endpoint(String uri, TransferAs2Component component, TransferAs2Configuration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public TransferAs2Component getComponent() {
        return (TransferAs2Component) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (endpointType() == EndpointType.TRANSFERS) {
            return new TransfersProducer(this);
        }
        requireType(EndpointType.CONNECTOR, "producer", "to(\"transfer-as2:connector/<ConnectorId>\")");
        return new TransferAs2Producer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (endpointType() == EndpointType.API) {
            Consumer consumer = new TransferApiConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        if (endpointType() == EndpointType.CONSOLE) {
            Consumer consumer = new io.transferas2.console.ConsoleConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        if (endpointType() == EndpointType.TRANSFERS) {
            Consumer consumer = new TransfersConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        requireType(EndpointType.SERVER, "consumer", "from(\"transfer-as2:server/<ServerId>\")");
        Consumer consumer = new TransferAs2ServerConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** For {@code camel get service}: the URL partners post to (server) or the partner's URL (connector). */
    @Override
    public String getServiceUrl() {
        return ServiceLocations.url(this);
    }

    @Override
    public String getServiceProtocol() {
        return ServiceLocations.protocol(this);
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return ServiceLocations.metadata(this);
    }

    private void requireType(EndpointType expected, String role, String example) {
        if (endpointType() != expected) {
            throw new IllegalArgumentException("A transfer-as2 " + role + " needs a " + expected.uriName()
                    + " endpoint, e.g. " + example + "; got " + getEndpointUri());
        }
    }

    public EndpointType endpointType() {
        return EndpointType.fromUri(type);
    }

    public String getType() {
        return type;
    }

    /** What the endpoint names: connector or server. */
    public void setType(String type) {
        this.type = type;
    }

    public String getId() {
        return id;
    }

    /** The ConnectorId or ServerId. */
    public void setId(String id) {
        this.id = id;
    }

    public TransferAs2Configuration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(TransferAs2Configuration configuration) {
        this.configuration = configuration;
    }
}
