package io.transferas2.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.Connector;
import io.transferas2.model.Server;
import io.transferas2.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers never see a half-applied update while writers change the registry. */
class RegistryConcurrencyTest {

    @Test
    void readersSeeEachUpdateWhollyOrNotAtAll() throws Exception {
        TransferRegistry registry = new TransferRegistry();
        Fixtures f = new Fixtures(registry);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            tasks.add(pool.submit(() -> {
                start.await();
                int servers = 0;
                while (writing.get()) {
                    // iterating while another thread inserts fails without the registry's lock
                    List<Server> listed = registry.listServers(null, null).items();
                    if (listed.size() < servers || listed.stream().map(Server::getServerId).distinct().count()
                            != listed.size()) {
                        problems.add("server list went from " + servers + " to " + listed.size());
                    }
                    servers = listed.size();
                    Connector c = registry.describeConnector(f.connectorId);
                    String host = java.net.URI.create(c.getUrl()).getHost();
                    String subject = c.getAs2Config().getMessageSubject();
                    if (subject != null && !host.startsWith(subject)) {
                        problems.add("url " + c.getUrl() + " with subject " + subject);
                    }
                    if (registry.findActiveAgreement(f.serverId, "PARTNER", "MYCOMPANY").isEmpty()) {
                        problems.add("agreement vanished");
                    }
                    if (registry.certificatesOfProfile(f.localProfile).size() != 2) {
                        problems.add("profile certificates changed");
                    }
                    reads.incrementAndGet();
                }
                return null;
            }));
        }
        tasks.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 40; i++) {
                registry.createServer(new Server());
            }
            return null;
        }));
        start.countDown();
        // keep writing until the readers have overlapped with plenty of writes, however loaded the machine is
        for (int i = 0; i < 2000 || reads.get() < 200; i++) {
            String name = i % 2 == 0 ? "alpha" : "beta";
            Connector update = new Connector();
            update.setConnectorId(f.connectorId);
            update.setUrl("http://" + name + ".example/as2");
            As2ConnectorConfig config = new As2ConnectorConfig();
            config.setMessageSubject(name);
            update.setAs2Config(config);
            registry.updateConnector(update);
        }
        tasks.get(tasks.size() - 1).get(30, TimeUnit.SECONDS);
        writing.set(false);
        for (Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(problems).isEmpty();
        assertThat(reads.get()).isGreaterThanOrEqualTo(200);
        assertThat(registry.listServers(null, null).items()).hasSize(41);
        assertThat(registry.describeConnector(f.connectorId).getAs2Config().getMessageSubject())
                .isIn("alpha", "beta");
    }
}
