package io.transferas2.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's first command, {@code examples/quickstart/run.sh}, as a user would: two {@code ./camel run}
 * stations over the embedded S3, an X12 850 from MYCOMPANY to PARTNER with a signed SYNC MDN and an X12 810 back with
 * an ASYNC MDN. Checks the exit code, the summary, and that the files it names exist with the content sent.
 */
class QuickstartTest {
    private static final Path ROOT = Path.of(System.getProperty("transferas2.root.dir", "..")).toAbsolutePath()
            .normalize();

    @Test
    void theQuickstartTradesBothWaysAndExitsZero() throws Exception {
        Path output = Files.createTempFile("quickstart", ".log");
        Process process = new ProcessBuilder(ROOT.resolve("examples/quickstart/run.sh").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(8, TimeUnit.MINUTES);
        if (!ended) {
            process.destroy();
            process.waitFor(40, TimeUnit.SECONDS);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the quickstart ended within 8 minutes:\n" + out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();

        assertThat(out).contains("MYCOMPANY -> PARTNER: po-850.x12", "PARTNER -> MYCOMPANY: invoice-810.x12",
                "signed SYNC MDN", "signed ASYNC MDN", "quickstart: done");
        assertThat(Pattern.compile("status +COMPLETED").matcher(out).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("disposition +automatic-action/MDN-sent-automatically; processed").matcher(out)
                .results().count()).isEqualTo(2);
        assertThat(Pattern.compile("MIC +[A-Za-z0-9+/=]+, sha-256").matcher(out).results().count()).isEqualTo(2);

        // every location the summary prints exists on disk, and the payloads arrived intact
        List<String> files = Pattern.compile("^ {17}(examples/quickstart/data/s3/\\S+)$", Pattern.MULTILINE)
                .matcher(out).results().map(r -> r.group(1)).toList();
        assertThat(files).hasSize(12);
        for (String file : files) {
            assertThat(ROOT.resolve(file)).as(file).isRegularFile();
        }
        assertLanded(out, "po-850", "partner-edi/inbound/mycompany");
        assertLanded(out, "invoice-810", "mycompany-edi/inbound/partner");
        // the stations were stopped
        assertThat(Files.readString(ROOT.resolve("examples/quickstart/data/mycompany.log"))).contains("shutdown");
    }

    private static void assertLanded(String out, String stem, String inbox) throws IOException {
        Matcher m = Pattern.compile("examples/quickstart/data/s3/" + inbox + "/processed/(" + stem
                + "\\.[^ \\n]+\\.x12)\\n").matcher(out);
        assertThat(m.find()).as(stem + " landed in " + inbox).isTrue();
        assertThat(Files.readString(ROOT.resolve("examples/quickstart/data/s3/" + inbox + "/processed/" + m.group(1))))
                .isEqualTo(Files.readString(ROOT.resolve("examples/quickstart/samples/" + stem + ".x12")));
    }
}
