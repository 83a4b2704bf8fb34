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
 * As2Ids with quotes, backslashes, commas and '=' travel from a connector to a server and back in the MDN under the
 * one RFC 4130 rule: the server finds the agreement by the exact names and the sender's transfer completes.
 */
class As2NamesEndToEndTest {
    @TempDir
    static Path dir;

    @Test
    void namesThatNeedQuotingOrNotRoundTrip() throws Exception {
        try (Station sender = new Station("MY\"CO\\1,x=y", TestKeys.key("e2e-names-a"), dir.resolve("a"));
             Station receiver = new Station("P,Q=R\"S\\T", TestKeys.key("e2e-names-b"), dir.resolve("b"))) {
            sender.trade(receiver, receiver.key);
            receiver.trade(sender, sender.key);
            sender.start();
            receiver.start();
            String connector = sender.connectorTo(receiver, c -> { });
            byte[] payload = "UNB+UNOC:3+A+B'".getBytes(StandardCharsets.US_ASCII);
            Exchange sent = sender.send(connector, payload, "names.edi");
            assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE, String.class))
                    .as(sent.getMessage().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                    .isEqualTo("COMPLETED");
            Station.Landed landed = receiver.next();
            assertThat(landed.header(TransferAs2Constants.AS2_FROM)).isEqualTo("MY\"CO\\1,x=y");
            assertThat(landed.header(TransferAs2Constants.AS2_TO)).isEqualTo("P,Q=R\"S\\T");
            assertThat(Files.readAllBytes(landed.file())).isEqualTo(payload);
        }
    }
}
