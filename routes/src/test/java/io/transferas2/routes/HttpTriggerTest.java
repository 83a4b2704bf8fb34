package io.transferas2.routes;

import java.net.InetSocketAddress;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.transferas2.registry.AccessDeniedException;
import io.transferas2.registry.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard of the HTTP trigger: loopback callers only without a token, the bearer token with one. */
class HttpTriggerTest {
    private final DefaultCamelContext context = new DefaultCamelContext();

    @Test
    void withoutATokenOnlyLoopbackCallersAreServed() {
        HttpTrigger trigger = new HttpTrigger();
        trigger.setToken("  ");
        assertThatCode(() -> trigger.authorize(call("127.0.0.1", null))).doesNotThrowAnyException();
        assertThatCode(() -> trigger.authorize(call("::1", null))).doesNotThrowAnyException();
        assertThatThrownBy(() -> trigger.authorize(call("192.0.2.10", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> trigger.authorize(call(null, null))).isInstanceOf(AccessDeniedException.class);
        // names are never looked up for this decision
        assertThat(HttpTrigger.isLoopback("localhost")).isFalse();
    }

    @Test
    void withATokenEveryCallerNeedsIt() {
        HttpTrigger trigger = new HttpTrigger();
        trigger.setToken("s3cret-token");
        assertThatCode(() -> trigger.authorize(call("192.0.2.10", "Bearer s3cret-token")))
                .doesNotThrowAnyException();
        assertThatCode(() -> trigger.authorize(call("192.0.2.10", "bearer s3cret-token")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> trigger.authorize(call("127.0.0.1", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trigger.authorize(call("127.0.0.1", "Bearer s3cret-token2")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trigger.authorize(call("127.0.0.1", "Basic czNjcmV0LXRva2Vu")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRequestMustBeJson() {
        HttpTrigger trigger = new HttpTrigger();
        Exchange form = call("127.0.0.1", null);
        form.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        assertThatThrownBy(() -> trigger.authorize(form)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Content-Type: application/json");
    }

    @Test
    void errorsAnswerInAwsShape() {
        HttpTrigger trigger = new HttpTrigger();
        Exchange refused = call("127.0.0.1", null);
        refused.setProperty(Exchange.EXCEPTION_CAUGHT, new InvalidRequestException("SendFilePaths: bad"));
        trigger.error(refused);
        assertThat(refused.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(refused.getMessage().getBody(String.class))
                .isEqualTo("{\"__type\":\"InvalidRequestException\",\"Message\":\"SendFilePaths: bad\"}");

        Exchange denied = call("203.0.113.7", null);
        try {
            trigger.authorize(denied);
        } catch (AccessDeniedException e) {
            denied.setProperty(Exchange.EXCEPTION_CAUGHT, e);
        }
        trigger.error(denied);
        assertThat(denied.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(403);
        assertThat(denied.getMessage().getBody(String.class)).contains("\"__type\":\"AccessDeniedException\"");

        Exchange broken = call("127.0.0.1", null);
        broken.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("secret detail"));
        trigger.error(broken);
        assertThat(broken.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(broken.getMessage().getBody(String.class)).contains("InternalServiceError")
                .doesNotContain("secret detail");
    }

    private Exchange call(String remoteIp, String authorization) {
        Exchange exchange = new DefaultExchange(context);
        if (remoteIp != null) {
            exchange.getMessage().setHeader("CamelVertxPlatformHttpRemoteAddress",
                    new InetSocketAddress(remoteIp, 40000));
        }
        if (authorization != null) {
            exchange.getMessage().setHeader("Authorization", authorization);
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        return exchange;
    }
}
