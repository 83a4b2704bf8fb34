package io.transferas2.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark command: crypto ceilings, then every small-message variant (one server JVM and one client JVM
 * each), then the large transfers, then {@code results.md} (the tables), {@code results.json} (every figure),
 * {@code logs/} (each JVM's command line and output) and {@code jfr/} (recordings of our JVMs and their summaries)
 * in the output directory. Options: {@link BenchOptions}. Run it through {@code transfer-as2-benchmarks/run.sh}.
 */
public final class BenchMain {
    private static final String SLF4J_WARN = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

    private final BenchOptions options;
    private final Path out;
    private final Path logs;
    private BenchKeys keys;

    BenchMain(BenchOptions options) {
        this.options = options;
        this.out = options.out.toAbsolutePath();
        this.logs = out.resolve("logs");
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--render")) {
            // tables again from an earlier run's results.json (e.g. after the report's layout changed)
            Path dir = Path.of(args[1]);
            Map<String, Object> results = Json.MAPPER.readValue(dir.resolve("results.json").toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                    });
            Files.writeString(dir.resolve("results.md"), new Report(results).markdown());
            System.out.println(Files.readString(dir.resolve("results.md")));
            return;
        }
        BenchOptions options = BenchOptions.parse(args);
        Path results = new BenchMain(options).run();
        System.out.println();
        System.out.println(Files.readString(results.resolve("results.md")));
        System.out.println("Results: " + results.resolve("results.md") + " (raw: results.json, logs/, jfr/)");
    }

    /** Runs everything the options ask for; returns the output directory. */
    Path run() throws Exception {
        Files.createDirectories(out);
        waitForQuiet();
        keys = BenchKeys.generate(out.resolve("keys"));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("started", Instant.now().toString());
        results.put("machine", Machine.describe());
        results.put("options", optionsSummary());
        if (options.ceilings) {
            log("crypto ceilings, one thread, " + options.ceilingSeconds + " s each");
            Map<String, Double> ceilings = new CryptoCeilings(options.ceilingSeconds).measure();
            log("  " + ceilings);
            results.put("ceilings", ceilings);
        }
        Map<String, Object> small = new LinkedHashMap<>();
        results.put("small", small);
        if (options.load) {
            Path payload = EdiFiles.write(out.resolve("payloads/edi-10KB.x12"), 10 * 1024, 1);
            for (Variant v : options.variants) {
                small.put(v.name(), smallRun(v, payload));
            }
        }
        List<Map<String, Object>> large = new ArrayList<>();
        results.put("large", large);
        if (options.large) {
            for (LargeRun run : options.largeRuns()) {
                large.add(largeRun(run));
            }
        }
        if (options.queue) {
            results.put("queue", queueRuns());
        }
        deleteTree(out.resolve("payloads"));
        results.put("finished", Instant.now().toString());
        results.put("loadAverageAfter", Machine.loadAverage());
        results.put("jfr", JfrSummary.summariseAll(out.resolve("jfr")));
        Json.MAPPER.writeValue(out.resolve("results.json").toFile(), results);
        Files.writeString(out.resolve("results.md"), new Report(results).markdown());
        return out;
    }

    /** Other work on the machine distorts every figure: wait for a 1-minute load average below 1.0, if asked. */
    private void waitForQuiet() throws InterruptedException {
        if (options.waitQuietMinutes <= 0) {
            return;
        }
        long end = System.nanoTime() + (long) (options.waitQuietMinutes * 60e9);
        while (true) {
            String load = Machine.loadAverage();
            double oneMinute = load.equals("unknown") ? 0 : Double.parseDouble(load.split(" ")[0]);
            if (oneMinute < 1.0) {
                log("load average " + load + ": starting");
                return;
            }
            if (System.nanoTime() > end) {
                log("load average still " + load + " after " + options.waitQuietMinutes + " min: starting anyway");
                return;
            }
            log("load average " + load + ": waiting for it to fall below 1.0");
            Thread.sleep(15_000);
        }
    }

    private Map<String, Object> optionsSummary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variants", options.variants.stream().map(Variant::name).toList());
        m.put("warmupSeconds", options.warmupSeconds);
        m.put("phaseSeconds", options.phaseSeconds);
        m.put("concurrency", options.concurrency);
        m.put("loadJvmFlags", String.join(" ", options.loadJvmFlags));
        m.put("largeJvmFlags", String.join(" ", options.largeJvmFlags));
        m.put("jfr", options.jfr);
        m.put("vertxWorkers", options.vertxWorkers);
        m.put("smoke", options.smoke);
        return m;
    }

    private Map<String, Object> smallRun(Variant v, Path payload) throws Exception {
        log("small messages: " + v.label());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("label", v.label());
        r.put("group", v.group());
        Path work = out.resolve("work").resolve(v.name());
        boolean jfr = options.jfr && v.ours();
        ChildJvm server = ChildJvm.start(v.name() + "-server", flags(options.loadJvmFlags, jfr, v.name()
                + "-server", work), serverArgs(v.server(), v.sink(), work), logs);
        try {
            String ready = server.awaitLine("READY ", Duration.ofSeconds(120));
            if (ready == null) {
                r.put("error", "the server did not start; see logs/" + server.name() + ".err");
                return r;
            }
            String url = ready.substring("READY ".length()).strip();
            List<String> args = new ArrayList<>(List.of("client", "--impl", v.client(), "--keys",
                    keys.dir().toString(), "--url", url, "--payload", payload.toString(), "--mode", "load",
                    "--warmup", Long.toString(Math.round(options.warmupSeconds)),
                    "--seconds", Double.toString(options.phaseSeconds),
                    "--concurrency", String.join(",", options.concurrency.stream().map(String::valueOf).toList())));
            // the server's CPU time per phase: read when the client announces a phase and when it reports it
            Map<String, Long> serverCpuAtStart = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Long> serverCpu = new java.util.concurrent.ConcurrentHashMap<>();
            ChildJvm client = ChildJvm.start(v.name() + "-client", flags(options.loadJvmFlags, jfr, v.name()
                    + "-client", work), args, logs);
            client.onLine(line -> {
                if (line.startsWith("PHASE-START ")) {
                    serverCpuAtStart.put(line.substring("PHASE-START ".length()).strip(), server.cpuMillis());
                } else if (line.startsWith("RESULT {")) {
                    Map<String, Object> p = Json.parse("RESULT", line);
                    Long before = serverCpuAtStart.get(String.valueOf(p.get("phase")));
                    if (before != null && before >= 0) {
                        serverCpu.put(String.valueOf(p.get("phase")), server.cpuMillis() - before);
                    }
                }
            });
            long budget = (long) (options.warmupSeconds + options.phaseSeconds * options.concurrency.size()) + 180;
            if (!client.waitFor(Duration.ofSeconds(budget))) {
                r.put("error", "the client did not finish within " + budget + " s; killed");
            }
            client.close();
            List<Map<String, Object>> phases = client.json("RESULT");
            for (Map<String, Object> p : phases) {
                Long cpu = serverCpu.get(String.valueOf(p.get("phase")));
                long n = ((Number) p.get("ok")).longValue() + ((Number) p.get("failed")).longValue();
                if (cpu != null && n > 0) {
                    p.put("serverCpuMsPerMsg", Math.round(100.0 * cpu / n) / 100.0);
                }
            }
            phases.forEach(p -> log("  " + LoadLoop.describe(p)));
            r.put("phases", phases);
            client.json("WARMUP").stream().findFirst().ifPresent(w -> r.put("warmup", w));
            client.json("MEMORY").stream().findFirst().ifPresent(m -> r.put("clientMemory", m));
            if (phases.size() < options.concurrency.size() && !r.containsKey("error")) {
                r.put("error", "the client ended early (exit " + client.exitCode() + "); see logs/" + client.name()
                        + ".err");
            }
        } finally {
            r.put("server", server.stop(Duration.ofSeconds(30)));
            deleteTree(work);
        }
        return r;
    }

    /**
     * The queue benchmark: one receiver (ours, in-memory sink), then one sender JVM per queue, the in-memory
     * SEDA queue first and the durable one second, in the same run so their ratio means something.
     */
    private Map<String, Object> queueRuns() throws Exception {
        log("StartFileTransfer queue: " + options.queueFiles + " files, in-memory then durable");
        Map<String, Object> r = new LinkedHashMap<>();
        Path payload = EdiFiles.write(out.resolve("payloads/queue-10KB.x12"), 10 * 1024, 3);
        Path work = out.resolve("work").resolve("queue");
        ChildJvm server = ChildJvm.start("queue-server", flags(options.loadJvmFlags, false, "queue-server", work),
                serverArgs("ours", "memory", work), logs);
        try {
            String ready = server.awaitLine("READY ", Duration.ofSeconds(120));
            if (ready == null) {
                r.put("error", "the server did not start; see logs/" + server.name() + ".err");
                return r;
            }
            String url = ready.substring("READY ".length()).strip();
            for (String queue : List.of("memory", "durable")) {
                Path side = work.resolve(queue);
                ChildJvm client = ChildJvm.start("queue-" + queue, flags(options.loadJvmFlags, options.jfr,
                        "queue-" + queue, side), List.of("client", "--impl", "ours", "--keys", keys.dir().toString(),
                        "--url", url, "--payload", payload.toString(), "--mode", "queue", "--queue", queue,
                        "--files", Integer.toString(options.queueFiles), "--queue-concurrency",
                        Integer.toString(options.queueConcurrency), "--work", side.toString()), logs);
                long budget = 300 + options.queueFiles / 5;
                Map<String, Object> v = new LinkedHashMap<>();
                if (!client.waitFor(Duration.ofSeconds(budget))) {
                    v.put("error", "the sender did not finish within " + budget + " s; killed");
                }
                client.close();
                client.json("QUEUE").stream().findFirst().ifPresent(v::putAll);
                if (!v.containsKey("completedPerSec") && !v.containsKey("error")) {
                    v.put("error", "the sender ended without a result (exit " + client.exitCode() + "); see logs/"
                            + client.name() + ".err");
                }
                v.putIfAbsent("queue", queue);
                log("  " + queue + ": " + v);
                r.put(queue, v);
            }
        } finally {
            server.stop(Duration.ofSeconds(30));
            deleteTree(work);
        }
        return r;
    }

    private Map<String, Object> largeRun(LargeRun run) throws Exception {
        log("large: " + run.label() + ", " + Sizes.format(run.bytes()));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", run.name());
        r.put("pair", run.pair());
        r.put("label", run.label());
        r.put("bytes", run.bytes());
        Path payload = EdiFiles.write(out.resolve("payloads").resolve("large-" + Sizes.format(run.bytes()) + ".x12"),
                run.bytes(), 2);
        Path work = out.resolve("work").resolve(run.name());
        boolean jfr = options.jfr && run.pair().equals("ours");
        ChildJvm server = ChildJvm.start(run.name() + "-server", flags(options.largeJvmFlags, jfr, run.name()
                + "-server", work), serverArgs(run.server(), "memory", work), logs);
        ChildJvm client = null;
        try {
            String ready = server.awaitLine("READY ", Duration.ofSeconds(120));
            if (ready == null) {
                r.put("ok", false);
                r.put("failure", "the server did not start: " + firstLine(server));
                return r;
            }
            server.tell("RESET");
            server.awaitLine("RESET done", Duration.ofSeconds(30));
            String url = ready.substring("READY ".length()).strip();
            // generous: 2 MB/s plus start-up; an OutOfMemoryError on either side ends the run sooner
            long budget = 120 + run.bytes() / (2L << 20);
            client = ChildJvm.start(run.name() + "-client", flags(options.largeJvmFlags, jfr, run.name()
                    + "-client", work), List.of("client", "--impl", run.client(), "--keys", keys.dir().toString(),
                    "--url", url, "--payload", payload.toString(), "--mode", "large", "--read-timeout",
                    Long.toString(budget)), logs);
            long clientRss = -1;
            long serverRss = -1;
            long end = System.nanoTime() + Duration.ofSeconds(budget + 30).toNanos();
            String failure = null;
            while (client.alive()) {
                clientRss = Math.max(clientRss, client.peakRss());
                serverRss = Math.max(serverRss, server.peakRss());
                if (server.outOfMemory() != null) {
                    // a peer's connection thread that died of it never answers: give the sender a moment, then stop
                    client.waitFor(Duration.ofSeconds(10));
                    failure = "receiver: " + server.outOfMemory() + (client.alive()
                            ? "; the sender was still waiting for an answer 10 s later and was stopped" : "");
                    break;
                }
                if (System.nanoTime() > end) {
                    failure = "no answer within " + budget + " s; stopped";
                    break;
                }
                client.waitFor(Duration.ofMillis(250));
            }
            client.close();
            Map<String, Object> result = client.json("LARGE").stream().findFirst().orElse(null);
            Map<String, Object> clientMemory = client.json("MEMORY").stream().findFirst().orElse(Map.of());
            if (result != null && Boolean.TRUE.equals(result.get("ok"))) {
                r.put("ok", true);
                r.put("seconds", result.get("seconds"));
                r.put("mbPerSec", result.get("mbPerSec"));
            } else {
                r.put("ok", false);
                String reason = failure != null ? failure : result != null ? String.valueOf(result.get("error"))
                        : client.outOfMemory() != null ? client.outOfMemory()
                        : "the sender ended without a result (exit " + client.exitCode() + ")";
                if (failure == null && reason.contains("OutOfMemoryError")) {
                    reason = "sender: " + reason;
                }
                r.put("failure", reason);
            }
            r.put("senderPeakHeapBytes", clientMemory.getOrDefault("peakHeapBytes", -1));
            r.put("senderPeakRssBytes", Math.max(clientRss, number(clientMemory.get("peakRssBytes"))));
            serverRss = Math.max(serverRss, server.peakRss());
            Map<String, Object> stats = server.stop(Duration.ofSeconds(30));
            r.put("receiverPeakHeapBytes", stats == null ? -1 : stats.get("peakHeapBytes"));
            r.put("receiverPeakRssBytes", Math.max(serverRss, stats == null ? -1 : number(stats.get("peakRssBytes"))));
            log("  " + (Boolean.TRUE.equals(r.get("ok")) ? String.format(java.util.Locale.ROOT, "%.1f MB/s in %.1f s",
                    ((Number) r.get("mbPerSec")).doubleValue(), ((Number) r.get("seconds")).doubleValue())
                    : "FAILED: " + r.get("failure")));
        } finally {
            if (client != null) {
                client.close();
            }
            server.close();
            deleteTree(work);
            if (run.bytes() > (256L << 20) && !laterRunNeeds(run)) {
                Files.deleteIfExists(payload);
            }
        }
        return r;
    }

    private boolean laterRunNeeds(LargeRun run) {
        List<LargeRun> all = options.largeRuns();
        int i = all.indexOf(run);
        return all.subList(i + 1, all.size()).stream().anyMatch(r -> r.bytes() == run.bytes());
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }

    private static String firstLine(ChildJvm jvm) {
        return "see logs/" + jvm.name() + ".err";
    }

    private List<String> serverArgs(String impl, String sink, Path work) {
        List<String> a = new ArrayList<>(List.of("server", "--impl", impl, "--keys", keys.dir().toString(),
                "--work", work.toString()));
        if (sink != null) {
            a.add("--sink");
            a.add(sink);
        }
        if (impl.equals("ours") && options.vertxWorkers > 0) {
            a.add("--vertx-workers");
            a.add(Integer.toString(options.vertxWorkers));
        }
        return a;
    }

    /** The variant's heap flags, WARN logging, a private temp directory, and a flight recording when asked. */
    private List<String> flags(List<String> heap, boolean jfr, String name, Path work) throws IOException {
        List<String> f = new ArrayList<>(heap);
        f.add(SLF4J_WARN);
        Path tmp = work.resolve("tmp-" + name);
        Files.createDirectories(tmp);
        f.add("-Djava.io.tmpdir=" + tmp);
        if (jfr) {
            Path dir = out.resolve("jfr");
            Files.createDirectories(dir);
            f.add("-XX:StartFlightRecording=filename=" + dir.resolve(name + ".jfr") + ",settings=profile");
        }
        return f;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void log(String line) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
        System.out.flush();
    }
}
