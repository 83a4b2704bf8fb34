package io.transferas2.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.transferas2.model.CustomHttpHeader;
import io.transferas2.model.FileTransferRequest;
import io.transferas2.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileTransferRulesTest {

    @Test
    void acceptsAValidRequestAndReturnsItsConnector() {
        Fixtures fixtures = new Fixtures(new TransferRegistry());
        FileTransferRequest request = request(fixtures.connectorId, List.of("/my-bucket/out/a.edi", "/b.c-d/x"));
        request.setCustomHttpHeaders(List.of(new CustomHttpHeader("X-Ref", "PO 1/2 a+b=c@d:e_f.g-h"),
                new CustomHttpHeader("Empty-Value", "")));
        assertThat(FileTransferRules.check(fixtures.registry, request).getConnectorId())
                .isEqualTo(fixtures.connectorId);
    }

    @Test
    void connectorMustExist() {
        TransferRegistry registry = new TransferRegistry();
        assertThatThrownBy(() -> FileTransferRules.check(registry, request("c-0123456789abcdef0",
                List.of("/bucket/a")))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> FileTransferRules.check(registry, request("c-XYZ", List.of("/bucket/a"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ConnectorId");
        assertThatThrownBy(() -> FileTransferRules.check(registry, request(null, List.of("/bucket/a"))))
                .hasMessageContaining("ConnectorId is required");
    }

    @Test
    void sendFilePathsAreOneToTenBucketKeyPaths() {
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("/bucket/f" + i);
        }
        assertThatCode(() -> FileTransferRules.checkSendFilePaths(eleven.subList(0, 10))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FileTransferRules.checkSendFilePaths(eleven)).hasMessageContaining("1-10");
        assertThatThrownBy(() -> FileTransferRules.checkSendFilePaths(List.of())).hasMessageContaining("1-10");
        assertThatThrownBy(() -> FileTransferRules.checkSendFilePaths(null)).hasMessageContaining("1-10");
        for (String bad : List.of("bucket/key", "/bucket", "/bucket/", "/Bucket/key", "/bu/key", "/bucket/dir/",
                "/bucket/../other/key", "/bucket/./key", "/bucket/a\nb", "/" + "b".repeat(64) + "/key",
                "/bucket/" + "k".repeat(1020))) {
            assertThatThrownBy(() -> FileTransferRules.checkSendFilePath(bad))
                    .as(bad).isInstanceOf(InvalidRequestException.class).hasMessageContaining("SendFilePaths");
        }
    }

    @Test
    void customHeadersFollowAwsRulesAndCannotReplaceAs2Headers() {
        Map<String, String> invalid = Map.of(
                "X_Under", "v", "", "v", "K".repeat(65), "v", "X-Ok", "semi;colon", "X-Ok2", "v".repeat(257),
                "AS2-To", "x", "content-type", "text/plain", "Message-ID", "<x@y>");
        invalid.forEach((key, value) -> assertThatThrownBy(() -> FileTransferRules.checkCustomHttpHeaders(
                List.of(new CustomHttpHeader(key, value)))).as(key).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("CustomHttpHeaders"));
        assertThatThrownBy(() -> FileTransferRules.checkCustomHttpHeaders(List.of(new CustomHttpHeader("X-A", "1"),
                new CustomHttpHeader("x-a", "2")))).hasMessageContaining("twice");
        List<CustomHttpHeader> many = new ArrayList<>();
        for (int i = 0; i <= FileTransferRules.MAX_CUSTOM_HEADERS; i++) {
            many.add(new CustomHttpHeader("X-H" + i, "v"));
        }
        assertThatThrownBy(() -> FileTransferRules.checkCustomHttpHeaders(many)).hasMessageContaining("at most");
        assertThatCode(() -> FileTransferRules.checkCustomHttpHeaders(null)).doesNotThrowAnyException();
    }

    @Test
    void sftpFieldsAreNamed() {
        Fixtures fixtures = new Fixtures(new TransferRegistry());
        FileTransferRequest request = request(fixtures.connectorId, List.of("/bucket/a"));
        request.putUnmodelledField("RemoteDirectoryPath", "/in");
        assertThatThrownBy(() -> FileTransferRules.check(fixtures.registry, request))
                .hasMessageContaining("RemoteDirectoryPath applies to SFTP connectors only");
    }

    private static FileTransferRequest request(String connectorId, List<String> paths) {
        FileTransferRequest request = new FileTransferRequest();
        request.setConnectorId(connectorId);
        request.setSendFilePaths(paths);
        return request;
    }
}
