package io.transferas2.s3;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ClientFactoryTest {

    @TempDir
    Path dir;

    @Test
    void withAnEndpointItTalksToThatStoreAndStartsNothing() throws Exception {
        // a separately started S3 API server plays MinIO
        EmbeddedS3Options store = EmbeddedS3Options.builder().dataDirectory(dir.resolve("minio"))
                .credentials("minio", "minio-secret").bucket("shared").build();
        Path wouldBeEmbedded = dir.resolve("embedded");
        try (EmbeddedS3Server minio = EmbeddedS3Server.start(store)) {
            S3ClientFactory factory = new S3ClientFactory().setEndpoint(minio.endpoint().toString())
                    .setPathStyle("true").setAccessKey("minio").setSecretKey("minio-secret")
                    .setChecksums("when-required").setRegion("eu-central-1");
            assertThat(factory.settings().mode()).isEqualTo(S3Settings.Mode.REMOTE);
            try (S3Client client = factory.build()) {
                client.putObject(b -> b.bucket("shared").key("k"), RequestBody.fromString("v"));
            }
            assertThat(dir.resolve("minio/shared/k")).hasContent("v");
            assertThat(wouldBeEmbedded).doesNotExist();
        }
    }

    @Test
    void camelPropertiesConfigureItAndTheContextOwnsTheEmbeddedServer() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().addInitialProperty("s3.embedded.data-dir", dir.toString());
        context.getPropertiesComponent().addInitialProperty("s3.embedded.buckets", "inbox");
        S3ClientFactory factory = new S3ClientFactory();
        factory.setCamelContext(context);
        S3Client client = factory.build();
        context.start();
        int port = client.serviceClientConfiguration().endpointOverride().orElseThrow().getPort();
        client.putObject(b -> b.bucket("inbox").key("a.txt"), RequestBody.fromString("hello"));
        assertThat(dir.resolve("inbox/a.txt")).hasContent("hello");

        context.stop();
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 1000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void yamlBeanPropertiesBindThroughTheBuilder() throws Exception {
        // what `- beans: [{builderClass: io.transferas2.s3.S3ClientFactory, properties: {...}}]` does
        CamelContext context = new DefaultCamelContext();
        S3ClientFactory factory = context.getInjector().newInstance(S3ClientFactory.class);
        Map<String, Object> properties = new HashMap<>(Map.of("dataDir", dir.toString(), "buckets", "from-yaml"));
        S3Client client = PropertyBindingSupport.build().withCamelContext(context).withTarget(factory)
                .withRemoveParameters(true).withProperties(properties).build(S3Client.class, "build");
        context.start();
        try {
            assertThat(properties).as("every property bound").isEmpty();
            assertThat(client.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("from-yaml");
            assertThat(dir.resolve("from-yaml")).isDirectory();
        } finally {
            context.stop();
        }
    }

    @Test
    void beanPropertiesOverrideCamelProperties() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().addInitialProperty("s3.embedded.data-dir", dir.resolve("a").toString());
        S3ClientFactory factory = new S3ClientFactory().setDataDir(dir.resolve("b").toString());
        factory.setCamelContext(context);
        assertThat(factory.settings().embeddedOptions().dataDirectory()).isEqualTo(dir.resolve("b"));
        assertThat(Files.exists(dir.resolve("a"))).isFalse();
    }
}
