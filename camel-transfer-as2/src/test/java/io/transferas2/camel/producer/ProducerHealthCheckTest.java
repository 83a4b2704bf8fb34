package io.transferas2.camel.producer;

import java.util.List;
import java.util.Optional;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import io.transferas2.model.ProfileType;
import io.transferas2.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** The opt-in producer health check reports whether a connector could send, with the failure code it would get. */
class ProducerHealthCheckTest {

    @Test
    void readyConnectorIsUpAndOneWithoutSigningKeyIsDown() throws Exception {
        try (ProducerFixture fx = new ProducerFixture()) {
            String ready = fx.connector("http://127.0.0.1:9/as2", c -> { });
            String bare = fx.registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "BARE", List.of()));
            String broken = fx.connector("http://127.0.0.1:9/as2", c -> c.setLocalProfileId(bare));
            HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(fx.context, "producers");
            assertThat(producers).isNotNull();
            producers.setEnabled(true);
            fx.context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ready").to("transfer-as2:connector/" + ready);
                    from("direct:broken").to("transfer-as2:connector/" + broken);
                }
            });
            HealthCheck.Result up = check(producers, ready).call();
            assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
            HealthCheck.Result down = check(producers, broken).call();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getDetails()).containsEntry("service.error.code", "SIGNING_FAILED");
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains(bare));
        }
    }

    private static HealthCheck check(HealthCheckRepository repository, String connectorId) {
        Optional<HealthCheck> check = repository.stream()
                .filter(c -> c.getId().equals("producer:transfer-as2-" + connectorId)).findFirst();
        assertThat(check).as("health check of " + connectorId).isPresent();
        return check.get();
    }
}
