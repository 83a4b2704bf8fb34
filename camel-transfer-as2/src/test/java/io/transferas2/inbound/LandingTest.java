package io.transferas2.inbound;

import org.junit.jupiter.api.Test;

import io.transferas2.model.Agreement;
import io.transferas2.model.CustomDirectories;
import io.transferas2.model.PreserveFilenameType;

import static org.assertj.core.api.Assertions.assertThat;

class LandingTest {

    private static Agreement base(String dir) {
        Agreement a = new Agreement();
        a.setBaseDirectory(dir);
        return a;
    }

    @Test
    void processedNamesCarryTheMessageIdBeforeTheExtension() {
        Landing l = Landing.of(base("/bucket/as2/partner"), "po.x12", "<id-1@p>", false, true);
        assertThat(l.payload().bucket()).isEqualTo("bucket");
        assertThat(l.payload().key()).isEqualTo("as2/partner/processed/po.id-1@p.x12");
        assertThat(l.status().key()).isEqualTo("as2/partner/processed/po.id-1@p.x12.json");
        assertThat(l.mdn().key()).isEqualTo("as2/partner/processed/po.id-1@p.x12.mdn");
        assertThat(l.filePath()).isEqualTo("processed/po.id-1@p.x12");
    }

    @Test
    void bucketOnlyBaseDirectory() {
        Landing l = Landing.of(base("/bucket"), "po.x12", "id", false, true);
        assertThat(l.payload().toString()).isEqualTo("/bucket/processed/po.id.x12");
    }

    @Test
    void preserveFilename() {
        Agreement a = base("/b/in");
        a.setPreserveFilename(PreserveFilenameType.ENABLED);
        assertThat(Landing.of(a, "po.x12", "id", false, true).payload().key()).isEqualTo("in/processed/po.x12");
    }

    @Test
    void failuresWithoutAFileNameGetAUuid() {
        Landing l = Landing.of(base("/b/in"), null, "id@x", true, false);
        assertThat(l.payload().key()).matches("in/failed/[0-9a-f-]{36}\\.id@x");
        assertThat(l.filePath()).startsWith("failed/");
        assertThat(Landing.of(base("/b/in"), null, "id@x", false, true).payload().key())
                .isEqualTo("in/processed/id@x");
    }

    @Test
    void customDirectories() {
        Agreement a = new Agreement();
        CustomDirectories d = new CustomDirectories();
        d.setPayloadFilesDirectory("/p/pay");
        d.setFailedFilesDirectory("/f/failed");
        d.setMdnFilesDirectory("/m/mdn");
        d.setStatusFilesDirectory("/s/status");
        d.setTemporaryFilesDirectory("/t/tmp");
        a.setCustomDirectories(d);
        Landing ok = Landing.of(a, "po.x12", "id", false, true);
        assertThat(ok.payload().toString()).isEqualTo("/p/pay/po.id.x12");
        assertThat(ok.mdn().toString()).isEqualTo("/m/mdn/po.id.x12.mdn");
        assertThat(ok.status().toString()).isEqualTo("/s/status/po.id.x12.json");
        assertThat(ok.filePath()).isEqualTo("/p/pay/po.id.x12");
        assertThat(Landing.of(a, "po.x12", "id", true, true).payload().toString()).isEqualTo("/f/failed/po.id.x12");
    }
}
