package io.transferas2.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code transfer-as2-sink} Kamelet shipped in the component jar (classpath {@code kamelets/}, where camel-kamelet
 * looks) sends through a connector to a real station over HTTP, with the file name it is given.
 */
class KameletSinkTest {
    @TempDir
    Path dir;

    @Test
    void sendsThroughTheConnectorWithTheGivenFileName() throws Exception {
        try (Station mycompany = new Station("KAMELET-MYCOMPANY", TestKeys.key("kamelet-mycompany"),
                dir.resolve("mycompany"));
             Station partner = new Station("KAMELET-PARTNER", TestKeys.key("kamelet-partner"),
                     dir.resolve("partner"))) {
            mycompany.trade(partner, partner.key);
            partner.trade(mycompany, mycompany.key);
            String connectorId = mycompany.connectorTo(partner, c -> { });
            mycompany.start();
            partner.start();
            try (var kamelet = Files.newInputStream(Path.of("target/classes/kamelets/transfer-as2-sink.kamelet.yaml"))) {
                assertThat(new String(kamelet.readAllBytes(), StandardCharsets.UTF_8))
                        .contains("mvn:io.transferas2:camel-transfer-as2:0.1.0-SNAPSHOT");
            }

            Exchange sent = mycompany.context.createProducerTemplate().request(
                    "kamelet:transfer-as2-sink?connectorId=" + connectorId + "&fileName=invoice-810.x12",
                    e -> e.getMessage().setBody("ISA*00*KAMELET~".getBytes(StandardCharsets.US_ASCII)));
            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");

            Station.Landed landed = partner.next();
            assertThat(Files.readString(landed.file(), StandardCharsets.US_ASCII)).isEqualTo("ISA*00*KAMELET~");
            assertThat(landed.header(TransferAs2Constants.PAYLOAD_KEY)).contains("invoice-810")
                    .endsWith(".x12");
        }
    }
}
