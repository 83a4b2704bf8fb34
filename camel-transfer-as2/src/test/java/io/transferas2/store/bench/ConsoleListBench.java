package io.transferas2.store.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.transferas2.registry.Page;
import io.transferas2.store.EmbeddedStore;
import io.transferas2.store.JdbcTransferStore;
import io.transferas2.store.TransferFilter;
import io.transferas2.store.TransferHistory;
import io.transferas2.store.TransferRow;

/**
 * The console's queries against a store holding a million transfers (half sent, half received, 50 partners, one
 * failure in 19, spread over 30 days): seeds the rows with one INSERT ... SELECT per table (explicit row IDs: H2
 * commits its file store at every identity-cache refill otherwise), then times each filtered
 * list page (50 rows, as the console shows) and the throughput and activity queries, printing median, p95 and max.
 * Embedded H2 (file mode, as the default station) and PostgreSQL (zonky's binaries, a separate process). Run:
 * {@code java -cp <test classpath> io.transferas2.store.bench.ConsoleListBench [rows] [h2|postgres|both]}.
 */
public final class ConsoleListBench {
    private static final int PARTNERS = 50;
    private static final int RUNS = 20;
    private static final long SPAN = Duration.ofDays(30).toMillis();

    private ConsoleListBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String which = args.length > 1 ? args[1] : "both";
        if (!"postgres".equals(which)) {
            Path dir = Files.createTempDirectory("console-bench");
            try (JdbcTransferStore store = EmbeddedStore.open(dir, 4)) {
                run("H2 (embedded, file)", store.dataSource(), rows, "SYSTEM_RANGE(1, ?)", "X");
            }
        }
        if (!"h2".equals(which)) {
            // a pool, as a station on PostgreSQL has: zonky's own DataSource opens a server process per connection
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                 HikariDataSource pool = pool(pg);
                 JdbcTransferStore store = new JdbcTransferStore(pool, null)) {
                run("PostgreSQL (zonky embedded)", store.dataSource(), rows, "generate_series(1, ?) AS r(x)", "x");
            }
        }
    }

    private static HikariDataSource pool(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static void run(String name, DataSource ds, int rows, String range, String x) throws Exception {
        long now = System.currentTimeMillis();
        long base = now - SPAN;
        int half = rows / 2;
        long step = SPAN / half;
        long t0 = System.nanoTime();
        seed(ds, half, base, step, range, x);
        System.out.printf("%n%s: %,d rows (%,d sent, %,d received) seeded in %.0f s%n", name, 2L * half, half, half,
                (System.nanoTime() - t0) / 1e9);
        TransferHistory history = new TransferHistory(ds);
        int mid = half / 2;
        Instant weekAgo = Instant.ofEpochMilli(now).minus(Duration.ofDays(7));
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        queries.put("newest first, no filter", () -> list(history, filter(null, null, null, null), null));
        queries.put("page 2 (by token)", () -> list(history, filter(null, null, null, null),
                list(history, filter(null, null, null, null), null).nextToken()));
        queries.put("partner (its connector + As2Id)", () -> list(history, partner(7, null), null));
        queries.put("partner + FAILED", () -> list(history, partner(7, "FAILED"), null));
        queries.put("outbound + FAILED", () -> list(history, filter(TransferFilter.Direction.OUTBOUND, "FAILED",
                null, null), null));
        queries.put("inbound + status COMPLETED", () -> list(history, filter(TransferFilter.Direction.INBOUND,
                "COMPLETED", null, null), null));
        queries.put("one hour a week ago", () -> list(history, filter(null, null, weekAgo,
                weekAgo.plus(Duration.ofHours(1))), null));
        queries.put("partner + one day a week ago", () -> list(history, new TransferFilter(null, null, weekAgo,
                weekAgo.plus(Duration.ofDays(1)), null, null, null, Set.of(connector(7)), Set.of(as2Id(7))), null));
        queries.put("file name (in and out)", () -> list(history, new TransferFilter(null, null, null, null,
                "f-" + mid + ".edi", null, null, null, null), null));
        queries.put("Message-ID", () -> list(history, new TransferFilter(null, null, null, null, null,
                "bench-out-" + mid + "@bench", null, null, null), null));
        queries.put("TransferId", () -> list(history, new TransferFilter(null, null, null, null, null, null,
                "bench-t-" + mid / 10, null, null), null));
        queries.put("partner activity 24 h (connector + As2Id)", () -> List.of(
                history.outboundActivity(connector(7), Instant.ofEpochMilli(now).minus(Duration.ofDays(1))),
                history.inboundActivity(as2Id(7), Instant.ofEpochMilli(now).minus(Duration.ofDays(1)))));
        queries.put("throughput last hour (1 min buckets)", () -> history.throughput(Instant.ofEpochMilli(now)
                .minus(Duration.ofHours(1)), Instant.ofEpochMilli(now), 60_000));
        queries.put("throughput last day (15 min buckets)", () -> history.throughput(Instant.ofEpochMilli(now)
                .minus(Duration.ofDays(1)), Instant.ofEpochMilli(now), 900_000));
        queries.put("throughput last week (2 h buckets)", () -> history.throughput(Instant.ofEpochMilli(now)
                .minus(Duration.ofDays(7)), Instant.ofEpochMilli(now), 7_200_000));
        queries.put("failures by code, last week", () -> history.failuresByCode(weekAgo));
        System.out.printf("%-44s %10s %10s %10s %6s%n", "query (page of 50)", "median ms", "p95 ms", "max ms",
                "rows");
        for (Map.Entry<String, Supplier<Object>> q : queries.entrySet()) {
            for (int i = 0; i < 3; i++) {
                q.getValue().get();
            }
            long[] times = new long[RUNS];
            Object result = null;
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                result = q.getValue().get();
                times[i] = System.nanoTime() - s;
            }
            Arrays.sort(times);
            int n = result instanceof Page<?> p ? p.items().size() : result instanceof List<?> l ? l.size() : -1;
            System.out.printf("%-44s %10.2f %10.2f %10.2f %6s%n", q.getKey(), times[RUNS / 2] / 1e6,
                    times[(int) (RUNS * 0.95)] / 1e6, times[RUNS - 1] / 1e6, n < 0 ? "" : String.valueOf(n));
        }
    }

    private static Page<TransferRow> list(TransferHistory history, TransferFilter filter, String token) {
        return history.list(filter, 50, token);
    }

    private static TransferFilter filter(TransferFilter.Direction d, String status, Instant from, Instant to) {
        return new TransferFilter(d, status, from, to, null, null, null, null, null);
    }

    private static TransferFilter partner(int n, String status) {
        return new TransferFilter(null, status, null, null, null, null, null, Set.of(connector(n)), Set.of(as2Id(n)));
    }

    static String connector(int n) {
        return String.format("c-%017d", n);
    }

    static String as2Id(int n) {
        return "PARTNER" + n;
    }

    /** Rows generated in the database: outbound file x of transfer x/10, inbound receipt x, both at base + x*step. */
    private static void seed(DataSource ds, int half, long base, long step, String range, String x)
            throws Exception {
        String connector = "'c-' || LPAD(CAST(MOD(" + x + " / 10, " + PARTNERS + ") AS VARCHAR(20)), 17, '0')";
        String failed = "MOD(" + x + ", 19) = 0";
        List<String> sql = new ArrayList<>();
        sql.add("INSERT INTO tas2_transfer (transfer_id, connector_id, accepted_at, accepted_by) SELECT 'bench-t-' || "
                + "CAST(" + x + " - 1 AS VARCHAR(20)), 'c-' || LPAD(CAST(MOD(" + x + " - 1, " + PARTNERS + ") AS"
                + " VARCHAR(20)), 17, '0'), ? + " + x + " * 10 * ?, 'bench' FROM " + range);
        sql.add("INSERT INTO tas2_transfer_file (file_id, transfer_id, file_index, connector_id, file_path, file_name, message_id,"
                + " status,"
                + " attempts, not_before, mic, failure_code, failure_message, status_key, accepted_at, updated_at,"
                + " finished_at) SELECT " + x + ", 'bench-t-' || CAST(" + x + " / 10 AS VARCHAR(20)), MOD(" + x + ", 10), "
                + connector + ", '/bucket/out/f-' || CAST(" + x + " AS VARCHAR(20)) || '.edi', 'f-' || CAST(" + x
                + " AS VARCHAR(20)) || '.edi', 'bench-out-' || CAST("
                + x + " AS VARCHAR(20)) || '@bench', CASE WHEN " + failed + " THEN 'FAILED' ELSE 'COMPLETED' END, 1,"
                + " 0, 'mic', CASE WHEN " + failed + " THEN 'HTTP_ERROR_RESPONSE_FROM_PARTNER' END, CASE WHEN "
                + failed + " THEN '503' END, '/bucket/status/f.json', ? + " + x + " * ?, ? + " + x + " * ?, ? + " + x
                + " * ? + 900 FROM " + range);
        sql.add("INSERT INTO tas2_inbound_receipt (receipt_id, message_id, server_id, agreement_id, as2_from, as2_to, file_name,"
                + " transfer_size, mic, disposition, mdn_mode, status, failure_code, payload_key, status_key,"
                + " signed_message, encrypted, compressed, received_at, node) SELECT " + x + ", 'bench-in-' || CAST(" + x
                + " AS VARCHAR(20)) || '@bench', 's-0000000000000000a', 'a-0000000000000000a', 'PARTNER' || CAST(MOD("
                + x + ", " + PARTNERS + ") AS VARCHAR(20)), 'MYCOMPANY', 'f-' || CAST(" + x + " AS VARCHAR(20)) ||"
                + " '.edi', 10240, 'mic', 'processed', 'SYNC', CASE WHEN " + failed + " THEN 'FAILED' ELSE"
                + " 'COMPLETED' END, CASE WHEN " + failed + " THEN 'DECRYPT_FAILED' END, '/bucket/in/f.edi',"
                + " '/bucket/in/f.edi.json', TRUE, TRUE, FALSE, ? + " + x + " * ? + 500, 'bench' FROM " + range);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < sql.size(); i++) {
                try (PreparedStatement ps = c.prepareStatement(sql.get(i))) {
                    int p = 1;
                    int repeat = i == 1 ? 3 : 1;
                    for (int r = 0; r < repeat; r++) {
                        ps.setLong(p++, base);
                        ps.setLong(p++, step);
                    }
                    ps.setLong(p, i == 0 ? half / 10 + 1 : half);
                    ps.executeUpdate();
                }
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
    }
}
