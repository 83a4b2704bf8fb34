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
import java.util.function.IntFunction;

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
            // a third argument names the directory of an H2 store seeded by an earlier run, to time the queries only
            boolean reuse = args.length > 2;
            Path dir = reuse ? Path.of(args[2]) : Files.createTempDirectory("console-bench");
            try (JdbcTransferStore store = EmbeddedStore.open(dir, 4)) {
                run("H2 (embedded, file) in " + dir, store.dataSource(), reuse ? 0 : rows, "SYSTEM_RANGE(1, ?)", "X");
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
        long now;
        int half;
        if (rows > 0) {
            now = System.currentTimeMillis();
            half = rows / 2;
            long t0 = System.nanoTime();
            seed(ds, half, now - SPAN, SPAN / half, range, x);
            System.out.printf("%n%s: %,d rows (%,d sent, %,d received) seeded in %.0f s%n", name, 2L * half, half,
                    half, (System.nanoTime() - t0) / 1e9);
        } else {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(received_at) FROM tas2_inbound_receipt")) {
                rs.next();
                half = rs.getInt(1);
                now = rs.getLong(2);
            }
            System.out.printf("%n%s: %,d rows seeded earlier%n", name, 2L * half);
        }
        TransferHistory history = new TransferHistory(ds);
        int mid = half / 2;
        Instant weekAgo = Instant.ofEpochMilli(now).minus(Duration.ofDays(7));
        // every run asks something slightly different (partner, window, ID), so no database answers from a cache of
        // the previous identical query (H2 reuses a result while no table changed; a live station's tables always do)
        Map<String, IntFunction<Object>> queries = new LinkedHashMap<>();
        queries.put("newest first, no filter", i -> list(history, filter(null, null, null, before(now, i)), null));
        queries.put("page 2 (by token)", i -> list(history, filter(null, null, null, before(now, i)),
                list(history, filter(null, null, null, before(now, i)), null).nextToken()));
        queries.put("partner (its connector + As2Id)", i -> list(history, partner(i % PARTNERS, null), null));
        queries.put("partner + FAILED", i -> list(history, partner(i % PARTNERS, "FAILED"), null));
        queries.put("outbound + FAILED", i -> list(history, filter(TransferFilter.Direction.OUTBOUND, "FAILED",
                null, before(now, i)), null));
        queries.put("inbound + status COMPLETED", i -> list(history, filter(TransferFilter.Direction.INBOUND,
                "COMPLETED", null, before(now, i)), null));
        queries.put("one hour a week ago", i -> list(history, filter(null, null, weekAgo.plusSeconds(i),
                weekAgo.plus(Duration.ofHours(1))), null));
        queries.put("partner + one day a week ago", i -> list(history, new TransferFilter(null, null, weekAgo,
                weekAgo.plus(Duration.ofDays(1)), null, null, null, Set.of(connector(i % PARTNERS)),
                Set.of(as2Id(i % PARTNERS))), null));
        queries.put("file name (in and out)", i -> list(history, new TransferFilter(null, null, null, null,
                "f-" + (mid + i) + ".edi", null, null, null, null), null));
        queries.put("Message-ID", i -> list(history, new TransferFilter(null, null, null, null, null,
                "bench-out-" + (mid + i) + "@bench", null, null, null), null));
        queries.put("TransferId", i -> list(history, new TransferFilter(null, null, null, null, null, null,
                "bench-t-" + (mid / 10 + i), null, null), null));
        queries.put("partner activity 24 h (connector + As2Id)", i -> List.of(
                history.outboundActivity(connector(i % PARTNERS), day(now, i)),
                history.inboundActivity(as2Id(i % PARTNERS), day(now, i))));
        queries.put("throughput last hour (1 min buckets)", i -> history.throughput(Instant.ofEpochMilli(now)
                .minus(Duration.ofHours(1)), before(now, i), 60_000));
        queries.put("throughput last day (15 min buckets)", i -> history.throughput(Instant.ofEpochMilli(now)
                .minus(Duration.ofDays(1)), before(now, i), 900_000));
        queries.put("throughput last week (2 h buckets)", i -> history.throughput(Instant.ofEpochMilli(now)
                .minus(Duration.ofDays(7)), before(now, i), 7_200_000));
        queries.put("failures by code, last week", i -> history.failuresByCode(weekAgo.plusMillis(i)));
        System.out.printf("%-44s %10s %10s %10s %6s%n", "query (page of 50)", "median ms", "p95 ms", "max ms",
                "rows");
        for (Map.Entry<String, IntFunction<Object>> q : queries.entrySet()) {
            for (int i = 0; i < 3; i++) {
                q.getValue().apply(RUNS + i);
            }
            long[] times = new long[RUNS];
            Object result = null;
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                result = q.getValue().apply(i);
                times[i] = System.nanoTime() - s;
            }
            Arrays.sort(times);
            int n = result instanceof Page<?> p ? p.items().size() : result instanceof List<?> l ? l.size() : -1;
            System.out.printf("%-44s %10.2f %10.2f %10.2f %6s%n", q.getKey(), times[RUNS / 2] / 1e6,
                    times[(int) (RUNS * 0.95)] / 1e6, times[RUNS - 1] / 1e6, n < 0 ? "" : String.valueOf(n));
        }
    }

    /** A moment just after {@code now}, different per run. */
    private static Instant before(long now, int run) {
        return Instant.ofEpochMilli(now + 1 + run);
    }

    private static Instant day(long now, int run) {
        return Instant.ofEpochMilli(now - Duration.ofDays(1).toMillis() + run);
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
