package io.transferas2.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one run measures. Defaults reproduce the peer baseline's method: 10 s warm-up at concurrency 8, then 30 s
 * each at 1, 8 and 32; both JVMs {@code -Xms1g -Xmx1g -XX:+UseG1GC}, slf4j at WARN; large transfers with
 * {@code -Xmx256m} on both sides.
 *
 * <pre>
 * --out DIR                  results directory (default target/benchmarks/&lt;timestamp&gt;)
 * --variants a,b,..          small-message variants (default all; see Variant.ALL), "none" for none
 * --skip ceilings,load,large parts to leave out
 * --warmup S --seconds S     warm-up and phase length in seconds (10, 30)
 * --concurrency 1,8,32       closed-loop concurrency levels
 * --ceiling-seconds S        time per crypto ceiling figure (3)
 * --large-sizes 200MB,1GB    our large transfers; --large-10g adds 10GB
 * --peer-large-sizes 20MB,200MB,1GB   the peers' (camel-as2 without Expect, as2-lib stock client)
 * --large-peers camel,as2lib which peers get large runs ("none" for none)
 * --vertx-workers N        Vert.x worker threads of our server (default: Vert.x's 20)
 * --wait-quiet MINUTES      first wait (at most that long) for a 1-minute load average below 1.0
 * --no-jfr                   no flight recordings of our JVMs (default: ours, ours-s3 and our large runs)
 * --queue-files N            files of the StartFileTransfer queue benchmark (10000); --skip queue leaves it out
 * --queue-concurrency C      sends at once in it (4: the receiver's maxConcurrentRequestsPerClient default)
 * --smoke                    a tiny run: ours + as2-lib (keystore cached), 2 s phases at 1 and 8, 16MB large
 * </pre>
 */
final class BenchOptions {
    Path out = Path.of("target", "benchmarks",
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    List<Variant> variants = new ArrayList<>(Variant.ALL);
    boolean ceilings = true;
    boolean load = true;
    boolean large = true;
    boolean queue = true;
    int queueFiles = 10_000;
    int queueConcurrency = 4;
    double warmupSeconds = 10;
    double phaseSeconds = 30;
    List<Integer> concurrency = List.of(1, 8, 32);
    double ceilingSeconds = 3;
    List<Long> largeSizes = List.of(Sizes.parse("200MB"), Sizes.parse("1GB"));
    List<Long> peerLargeSizes = List.of(Sizes.parse("20MB"), Sizes.parse("200MB"), Sizes.parse("1GB"));
    List<String> largePeers = List.of("camel", "as2lib");
    boolean jfr = true;
    int vertxWorkers;
    double waitQuietMinutes;
    boolean smoke;
    List<String> loadJvmFlags = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
    List<String> largeJvmFlags = List.of("-Xmx256m", "-XX:+UseG1GC");

    static BenchOptions parse(String... args) {
        BenchOptions o = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> o.smoke();
                case "--no-jfr" -> o.jfr = false;
                case "--large-10g" -> {
                    List<Long> sizes = new ArrayList<>(o.largeSizes);
                    sizes.add(Sizes.parse("10GB"));
                    o.largeSizes = sizes;
                }
                case "--out" -> o.out = Path.of(args[++i]);
                case "--vertx-workers" -> o.vertxWorkers = Integer.parseInt(args[++i]);
                case "--wait-quiet" -> o.waitQuietMinutes = Double.parseDouble(args[++i]);
                case "--variants" -> o.variants = args[++i].equals("none") ? List.of()
                        : Arrays.stream(args[i].split(",")).map(String::strip).map(Variant::named).toList();
                case "--skip" -> {
                    for (String part : args[++i].split(",")) {
                        switch (part.strip()) {
                            case "ceilings" -> o.ceilings = false;
                            case "load" -> o.load = false;
                            case "large" -> o.large = false;
                            case "queue" -> o.queue = false;
                            default -> throw new IllegalArgumentException("--skip takes ceilings, load, large,"
                                    + " queue");
                        }
                    }
                }
                case "--warmup" -> o.warmupSeconds = Double.parseDouble(args[++i]);
                case "--seconds" -> o.phaseSeconds = Double.parseDouble(args[++i]);
                case "--concurrency" -> o.concurrency = Arrays.stream(args[++i].split(",")).map(String::strip)
                        .map(Integer::valueOf).toList();
                case "--queue-files" -> o.queueFiles = Integer.parseInt(args[++i]);
                case "--queue-concurrency" -> o.queueConcurrency = Integer.parseInt(args[++i]);
                case "--ceiling-seconds" -> o.ceilingSeconds = Double.parseDouble(args[++i]);
                case "--large-sizes" -> o.largeSizes = sizes(args[++i]);
                case "--peer-large-sizes" -> o.peerLargeSizes = sizes(args[++i]);
                case "--large-peers" -> o.largePeers = args[++i].equals("none") ? List.of()
                        : Arrays.stream(args[i].split(",")).map(String::strip).toList();
                default -> throw new IllegalArgumentException("unknown option " + a + "; see BenchOptions / README");
            }
        }
        return o;
    }

    private void smoke() {
        smoke = true;
        variants = List.of(Variant.named("ours"), Variant.named("as2lib-cachedks"));
        warmupSeconds = 1;
        phaseSeconds = 2;
        concurrency = List.of(1, 8);
        ceilingSeconds = 0.3;
        largeSizes = List.of(Sizes.parse("16MB"));
        largePeers = List.of();
        queueFiles = 200;
        jfr = false;
    }

    private static List<Long> sizes(String list) {
        return list.equals("none") ? List.of() : Arrays.stream(list.split(",")).map(Sizes::parse).toList();
    }

    /** The large transfers in the order they run. */
    List<LargeRun> largeRuns() {
        List<LargeRun> runs = new ArrayList<>();
        for (long size : largeSizes) {
            runs.add(new LargeRun("ours", "ours → ours", "ours", "ours", size));
        }
        for (String peer : largePeers) {
            for (long size : peerLargeSizes) {
                runs.add(switch (peer) {
                    case "camel" -> new LargeRun("camel", "camel-as2 → camel-as2 (client without Expect)", "camel",
                            "camel-noexpect", size);
                    case "as2lib" -> new LargeRun("as2lib", "as2-lib → as2-lib (stock AS2Client)", "as2lib",
                            "as2lib", size);
                    default -> throw new IllegalArgumentException("--large-peers takes camel, as2lib");
                });
            }
        }
        return runs;
    }
}
