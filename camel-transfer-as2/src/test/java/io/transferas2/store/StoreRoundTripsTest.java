package io.transferas2.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.transferas2.inbound.DuplicateGuard;
import io.transferas2.inbound.ReceivedMessageIds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database round trips per message on a real PostgreSQL, counted at the JDBC boundary: every statement execution and
 * every COMMIT or ROLLBACK is one trip to the server (PgJDBC sends the BEGIN of a transaction with its first
 * statement). Inbound, the consumer's duplicate rule (claim, store, commit) costs at most 3 (the target).
 * Outbound, the queue's accept, claim and record of one file are counted and printed for BENCHMARKS.md.
 */
class StoreRoundTripsTest {
    static EmbeddedPostgres postgres;
    static final AtomicInteger TRIPS = new AtomicInteger();
    static JdbcTransferStore store;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store = new JdbcTransferStore(counting(postgres.getPostgresDatabase()), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anInboundMessageCostsAtMostThreeRoundTrips() {
        ReceivedKeys keys = store.keys("received-message-ids");
        DuplicateGuard guard = new DuplicateGuard(new ReceivedMessageIds() {
            @Override
            public boolean contains(String key) {
                return keys.contains(key);
            }

            @Override
            public boolean add(String key) {
                return keys.add(key);
            }
        });
        int messages = 50;
        TRIPS.set(0);
        for (int i = 0; i < messages; i++) {
            String key = DuplicateGuard.key("a-0123456789abcdef0", UUID.randomUUID() + "@partner");
            assertThat(guard.claim(key)).isEqualTo(DuplicateGuard.State.CLAIMED);
            assertThat(guard.commit(key)).isTrue();
        }
        double perMessage = TRIPS.get() / (double) messages;
        System.out.printf("round trips per inbound message: %.2f%n", perMessage);
        assertThat(perMessage).isLessThanOrEqualTo(3);

        // a resend is caught with one trip
        String key = DuplicateGuard.key("a-0123456789abcdef0", "resent@partner");
        guard.claim(key);
        guard.commit(key);
        TRIPS.set(0);
        assertThat(guard.claim(key)).isEqualTo(DuplicateGuard.State.DUPLICATE);
        assertThat(TRIPS.get()).isEqualTo(1);
    }

    @Test
    void anOutboundFileRoundTripsAreCounted() {
        String connector = "c-0000000000000a001";
        int files = 50;
        TRIPS.set(0);
        for (int i = 0; i < files; i++) {
            store.accept(new NewTransfer(UUID.randomUUID().toString(), connector, List.of(new NewTransfer.File(
                    "/bucket/out/f-" + i, UUID.randomUUID() + "@station")), null, Instant.now(), "node-1"));
        }
        int accept = TRIPS.getAndSet(0);
        List<ClaimedFile> claimed = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            store.connectorsWithWork(Instant.now());
            claimed.addAll(store.claim(connector, 1, "node-1", Instant.now(), Duration.ofMinutes(1)));
        }
        int claim = TRIPS.getAndSet(0);
        for (ClaimedFile f : claimed) {
            assertThat(store.record(f, "node-1", FileOutcome.completed("mic", "/bucket/out/f.json"), Instant.now()))
                    .isTrue();
        }
        int record = TRIPS.getAndSet(0);
        assertThat(claimed).hasSize(files);
        System.out.printf("round trips per outbound file (StartFileTransfer of 1 file, sync MDN): accept %.2f,"
                + " poll+claim %.2f, record %.2f, total %.2f%n", accept / (double) files, claim / (double) files,
                record / (double) files, (accept + claim + record) / (double) files);
        assertThat(accept + claim + record).isGreaterThan(0);
    }

    /** The DataSource with every statement execution, COMMIT and ROLLBACK counted in {@link #TRIPS}. */
    static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(StoreRoundTripsTest.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return method.getName().equals("getConnection") ? connection((Connection) result) : result;
                });
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeBatch", "executeLargeUpdate", "executeLargeBatch");

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(StoreRoundTripsTest.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                        TRIPS.incrementAndGet();
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof PreparedStatement ps) {
                        return statement(ps, PreparedStatement.class);
                    }
                    if (result instanceof Statement s) {
                        return statement(s, Statement.class);
                    }
                    return result;
                });
    }

    private static Object statement(Statement target, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                TRIPS.incrementAndGet();
            }
            return invoke(target, method, args);
        };
        return Proxy.newProxyInstance(StoreRoundTripsTest.class.getClassLoader(), new Class<?>[] { type }, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
