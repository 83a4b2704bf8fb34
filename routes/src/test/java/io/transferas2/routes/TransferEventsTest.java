package io.transferas2.routes;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.inbound.AsyncMdnSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events whose outcome the routes cannot see: an asynchronous MDN is announced when its delivery to the partner has
 * ended, Completed or Failed, with the detail the route gathered when it stored the message.
 */
class TransferEventsTest {
    private static final String SERVER = "s-0123456789abcdef0";
    private DefaultCamelContext context;
    private TransferEvents events;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        TransferAs2Component component = new TransferAs2Component();
        component.setRegion("eu-west-1");
        component.setAccountId("123456789012");
        context.addComponent("transfer-as2", component);
        events = new TransferEvents();
        events.setEndpoint("seda:events");
        events.setCamelContext(context);
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void anAsyncMdnIsAnnouncedWhenItsDeliveryEnds() throws Exception {
        events.emit(storedMessage("m-1@partner"), "AS2 MDN Send Completed");
        events.emit(storedMessage("m-2@partner"), "AS2 MDN Send Completed");
        assertThat(sent()).isEmpty();

        URI url = URI.create("http://partner.example:5080/as2-mdn");
        events.mdnDelivered(SERVER, new AsyncMdnSender.Delivery(url, "m-1@partner", true, 1, 200, null));
        events.mdnDelivered(SERVER, new AsyncMdnSender.Delivery(url, "m-2@partner", false, 6, 503, "HTTP 503"));

        List<JsonNode> sent = sent();
        assertThat(sent).hasSize(2);
        JsonNode completed = sent.get(0);
        assertThat(completed.path("detail-type").asText()).isEqualTo("AS2 MDN Send Completed");
        assertThat(completed.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(completed.path("account").asText()).isEqualTo("123456789012");
        assertThat(completed.path("resources").get(0).asText())
                .isEqualTo("arn:aws:transfer:eu-west-1:123456789012:server/" + SERVER);
        assertThat(completed.path("detail").path("agreement-id").asText()).isEqualTo("a-0123456789abcdef0");
        assertThat(completed.path("detail").path("s3-attributes").path("mdn-key").asText())
                .isEqualTo("/in/processed/po.m-1@partner.edi.mdn");
        JsonNode failed = sent.get(1);
        assertThat(failed.path("detail-type").asText()).isEqualTo("AS2 MDN Send Failed");
        assertThat(failed.path("detail").path("status-code").asText()).isEqualTo("FAILED");
        assertThat(failed.path("detail").path("failure-code").asText()).isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
        assertThat(failed.path("detail").path("failure-message").asText()).contains("6 attempts").contains("503");
        assertThat(failed.path("detail").path("as2-message-id").asText()).isEqualTo("m-2@partner");
    }

    @Test
    void aSynchronousMdnIsAnnouncedAtOnceAndUnknownTypesAreRefused() throws Exception {
        Exchange sync = storedMessage("m-3@partner");
        sync.getMessage().removeHeader(TransferAs2Constants.MDN_URL);
        events.emit(sync, "AS2 MDN Send Completed");
        assertThat(sent()).hasSize(1);
        assertThat(EventType.of("PAYLOAD_RECEIVE_FAILED")).isEqualTo(EventType.PAYLOAD_RECEIVE_FAILED);
        assertThatThrownBy(() -> events.emit(sync, "AS2 Payload Lost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AS2 MDN Send Failed");
    }

    private Exchange storedMessage(String messageId) {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setHeader(TransferAs2Constants.SERVER_ID, SERVER);
        e.getMessage().setHeader(TransferAs2Constants.AGREEMENT_ID, "a-0123456789abcdef0");
        e.getMessage().setHeader(TransferAs2Constants.MESSAGE_ID, messageId);
        e.getMessage().setHeader(TransferAs2Constants.STATUS_CODE, "COMPLETED");
        e.getMessage().setHeader(TransferAs2Constants.MDN_BUCKET, "edi");
        e.getMessage().setHeader(TransferAs2Constants.MDN_KEY, "in/processed/po." + messageId + ".edi.mdn");
        e.getMessage().setHeader(TransferAs2Constants.MDN_URL, "http://partner.example:5080/as2-mdn");
        return e;
    }

    private List<JsonNode> sent() throws Exception {
        SedaEndpoint seda = context.getEndpoint("seda:events", SedaEndpoint.class);
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        for (Exchange e : seda.getExchanges()) {
            out.add(Json.parse(e.getMessage().getBody(String.class)));
        }
        return out;
    }
}
