package io.transferas2.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's tables in markdown: machine, ceilings, small messages (absolute figures), ours/peer and ours/ceiling
 * ratios, the targets, large transfers, and where our JVMs spent their time. Reads only results.json's
 * shape, so an old run can be re-rendered.
 */
final class Report {
    /** The targets: msgs/s and the latency bound (p50 at c=1, p99 otherwise). */
    private static final Map<Integer, double[]> TARGETS = Map.of(1, new double[] {100, 10}, 8,
            new double[] {350, 40}, 32, new double[] {450, 120});
    private static final double LARGE_TARGET_MBPS = 150;

    private final Map<String, Object> r;

    Report(Map<String, Object> results) {
        this.r = results;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        machine(b);
        ceilings(b);
        small(b);
        large(b);
        queue(b);
        jfr(b);
        return b.toString();
    }

    private void machine(StringBuilder b) {
        Map<String, Object> m = map(r.get("machine"));
        Map<String, Object> o = map(r.get("options"));
        b.append("## Run\n\n");
        b.append(String.format(Locale.ROOT, "%s cores (%s), %s RAM, %s, %s. Load average before %s, after %s.%n%n",
                m.get("cores"), m.get("cpu"), m.get("memory"), m.get("os"), m.get("jdk"), m.get("loadAverageBefore"),
                r.get("loadAverageAfter")));
        b.append(String.format(Locale.ROOT, "One server JVM and one client JVM per variant; small messages: `%s`, "
                        + "%s s warm-up at c=8, then %s s per concurrency level, closed loop, 10 KB X12, SHA-256/"
                        + "RSA-2048 signature, AES-256-CBC, signed SYNC MDN; only exchanges whose MDN passed every "
                        + "check count; p50/p99 nearest-rank. Large transfers: `%s` on both sides.%s%s%n%n",
                o.get("loadJvmFlags"), o.get("warmupSeconds"), o.get("phaseSeconds"), o.get("largeJvmFlags"),
                Boolean.TRUE.equals(o.get("jfr")) ? " Our JVMs ran with a flight recording (settings=profile)." : "",
                Boolean.TRUE.equals(o.get("smoke")) ? " **Smoke mode: figures are not meaningful.**" : ""));
    }

    private void ceilings(StringBuilder b) {
        Map<String, Object> c = map(r.get("ceilings"));
        if (c.isEmpty()) {
            return;
        }
        b.append("## Ceilings (one thread)\n\n| primitive | JDK provider | BouncyCastle 1.83 |\n|---|---|---|\n");
        b.append(String.format(Locale.ROOT, "| RSA-2048 SHA256withRSA signatures/s | %s | %s |%n",
                num(c.get("rsaSignsPerSec.jdk")), num(c.get("rsaSignsPerSec.bc"))));
        b.append(String.format(Locale.ROOT, "| AES-256-CBC encryption MB/s | %s | %s |%n", num(c.get("aesMBps.jdk")),
                num(c.get("aesMBps.bc"))));
        b.append(String.format(Locale.ROOT, "| SHA-256 MB/s | %s | %s |%n%n", num(c.get("sha256MBps.jdk")),
                num(c.get("sha256MBps.bc"))));
        b.append(String.format(Locale.ROOT, "Exchange ceiling: 3 RSA private-key operations per message (sign, "
                + "decrypt, sign the MDN) on %s cores = **%s msg/s** with the JDK provider.%n%n",
                map(r.get("machine")).get("cores"), num(rsaCeiling())));
    }

    private double rsaCeiling() {
        Object jdk = map(r.get("ceilings")).get("rsaSignsPerSec.jdk");
        Object cores = map(r.get("machine")).get("cores");
        return jdk instanceof Number n && cores instanceof Number k ? n.doubleValue() * k.doubleValue() / 3 : 0;
    }

    @SuppressWarnings("unchecked")
    private void small(StringBuilder b) {
        Map<String, Object> small = map(r.get("small"));
        if (small.isEmpty()) {
            return;
        }
        List<Integer> levels = (List<Integer>) map(r.get("options")).get("concurrency");
        b.append("## Small messages (10 KB, sign + encrypt, signed SYNC MDN)\n\n| variant |");
        levels.forEach(c -> b.append(" c=").append(c).append(" msg/s (p50 / p99 ms) |"));
        b.append(" not counted |\n|---|");
        levels.forEach(c -> b.append("---|"));
        b.append("---|\n");
        small.forEach((name, value) -> {
            Map<String, Object> v = map(value);
            b.append("| ").append(v.get("label")).append(" |");
            long failed = 0;
            for (int c : levels) {
                Map<String, Object> p = phase(v, c);
                if (p == null) {
                    b.append(" – |");
                } else {
                    b.append(String.format(Locale.ROOT, " %s (%s / %s) |", num(p.get("msgsPerSec")),
                            num(p.get("p50Ms")), num(p.get("p99Ms"))));
                    failed += ((Number) p.get("failed")).longValue();
                }
            }
            b.append(' ').append(failed).append(v.containsKey("error") ? "; " + v.get("error") : "").append(" |\n");
        });
        b.append('\n');
        cpu(b, small, levels);
        Map<String, Object> ours = map(small.get("ours"));
        if (ours.isEmpty()) {
            return;
        }
        b.append("### Ratios: ours → ours (in-memory sink) ÷ other\n\n| other |");
        levels.forEach(c -> b.append(" c=").append(c).append(" |"));
        b.append("\n|---|");
        levels.forEach(c -> b.append("---|"));
        b.append('\n');
        small.forEach((name, value) -> {
            if (name.equals("ours")) {
                return;
            }
            Map<String, Object> v = map(value);
            b.append("| ").append(v.get("label")).append(" |");
            for (int c : levels) {
                b.append(' ').append(ratio(rate(phase(ours, c)), rate(phase(v, c)))).append(" |");
            }
            b.append('\n');
        });
        double ceiling = rsaCeiling();
        if (ceiling > 0) {
            b.append(String.format(Locale.ROOT, "| RSA exchange ceiling (%s msg/s) |", num(ceiling)));
            for (int c : levels) {
                double ours0 = rate(phase(ours, c));
                b.append(String.format(Locale.ROOT, " %.0f %% |", 100 * ours0 / ceiling));
            }
            b.append('\n');
        }
        b.append("\n### Targets (ours → ours, in-memory sink)\n\n| measure | target | measured | met |\n"
                + "|---|---|---|---|\n");
        for (int c : levels) {
            double[] t = TARGETS.get(c);
            Map<String, Object> p = phase(ours, c);
            if (t == null || p == null) {
                continue;
            }
            String bound = c == 1 ? "p50" : "p99";
            double latency = ((Number) p.get(c == 1 ? "p50Ms" : "p99Ms")).doubleValue();
            double rate = rate(p);
            b.append(String.format(Locale.ROOT, "| c=%d | ≥ %.0f msg/s, %s ≤ %.0f ms | %s msg/s, %s %s ms | %s |%n",
                    c, t[0], bound, t[1], num(rate), bound, num(latency),
                    rate >= t[0] && latency <= t[1] ? "yes" : "**no**"));
        }
        b.append('\n');
    }

    /** CPU per exchange on each side: what an exchange costs, independent of how the two JVMs share the cores. */
    private void cpu(StringBuilder b, Map<String, Object> small, List<Integer> levels) {
        Object cores = map(r.get("machine")).get("cores");
        b.append("CPU time per exchange, client / server JVM, in ms (user + system from /proc; the machine has ")
                .append(cores).append(" cores, so ").append(cores instanceof Number n ? num(n.intValue() * 1000) : "?")
                .append(" ms of CPU per second in all):\n\n| variant |");
        levels.forEach(c -> b.append(" c=").append(c).append(" |"));
        b.append("\n|---|");
        levels.forEach(c -> b.append("---|"));
        b.append('\n');
        small.forEach((name, value) -> {
            Map<String, Object> v = map(value);
            b.append("| ").append(v.get("label")).append(" |");
            for (int c : levels) {
                Map<String, Object> p = phase(v, c);
                b.append(p == null ? " – |" : String.format(Locale.ROOT, " %s / %s |", num(p.get("clientCpuMsPerMsg")),
                        num(p.get("serverCpuMsPerMsg"))));
            }
            b.append('\n');
        });
        b.append('\n');
    }

    private void large(StringBuilder b) {
        List<Map<String, Object>> large = list(r.get("large"));
        if (large.isEmpty()) {
            return;
        }
        b.append("## Large transfers (sign + encrypt, signed SYNC MDN)\n\n| transfer | size | result | MB/s | time |"
                + " sender peak heap / RSS | receiver peak heap / RSS |\n|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> l : large) {
            boolean ok = Boolean.TRUE.equals(l.get("ok"));
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s / %s | %s / %s |%n", l.get("label"),
                    Sizes.format(((Number) l.get("bytes")).longValue()), ok ? "OK" : "**FAIL**: " + l.get("failure"),
                    ok ? num(l.get("mbPerSec")) : "–", ok ? num(l.get("seconds")) + " s" : "–",
                    mb(l.get("senderPeakHeapBytes")), mb(l.get("senderPeakRssBytes")),
                    mb(l.get("receiverPeakHeapBytes")), mb(l.get("receiverPeakRssBytes"))));
        }
        b.append("\nPeak heap: the sum of the heap pools' peaks after a GC and reset just before the transfer "
                + "(an upper bound); RSS: the process's VmHWM, start-up included.\n\n");
        for (Map<String, Object> l : large) {
            if (!"ours".equals(l.get("pair")) || !Boolean.TRUE.equals(l.get("ok"))) {
                continue;
            }
            double ours = ((Number) l.get("mbPerSec")).doubleValue();
            StringBuilder peers = new StringBuilder();
            for (Map<String, Object> p : large) {
                if (!"ours".equals(p.get("pair")) && Boolean.TRUE.equals(p.get("ok"))) {
                    peers.append(String.format(Locale.ROOT, "; ÷ %s at %s: %s", p.get("label"),
                            Sizes.format(((Number) p.get("bytes")).longValue()),
                            ratio(ours, ((Number) p.get("mbPerSec")).doubleValue())));
                }
            }
            b.append(String.format(Locale.ROOT, "- ours %s: %s MB/s, target ≥ %.0f MB/s: %s%s%n",
                    Sizes.format(((Number) l.get("bytes")).longValue()), num(ours), LARGE_TARGET_MBPS,
                    ours >= LARGE_TARGET_MBPS ? "met" : "**not met**", peers));
        }
        b.append('\n');
    }

    /** The queue benchmark: the durable queue against the in-memory one, with the targets. */
    private void queue(StringBuilder b) {
        Map<String, Object> q = map(r.get("queue"));
        if (q.isEmpty()) {
            return;
        }
        if (q.containsKey("error")) {
            b.append("## StartFileTransfer queue\n\n**FAILED**: ").append(q.get("error")).append("\n\n");
        }
        Map<String, Object> memory = map(q.get("memory"));
        Map<String, Object> durable = map(q.get("durable"));
        b.append(String.format(Locale.ROOT, "## StartFileTransfer queue: %s files of 10 KB through one connector%n%n",
                num(firstOf(durable, memory, "files"))));
        b.append(String.format(Locale.ROOT, "Requests of %s files from %s callers while the files are sent; %s sends "
                + "at once; ours → ours, signed SYNC MDN verified. Completed/s: first accept to last COMPLETED; "
                + "latency: accept to COMPLETED (durable: the store's accepted_at and finished_at).%n%n",
                QueueRun.REQUEST_FILES, QueueRun.ACCEPT_THREADS, firstOf(durable, memory, "concurrency")));
        b.append("| queue | accepted/s | completed/s | p50 / p99 ms | completed / failed |\n|---|---|---|---|---|\n");
        for (Map<String, Object> v : List.of(memory, durable)) {
            if (v.isEmpty()) {
                continue;
            }
            String label = "memory".equals(v.get("queue")) ? "in-memory (SEDA, before the store)"
                    : "durable (transfer store, embedded H2)";
            b.append(v.containsKey("error") ? String.format(Locale.ROOT, "| %s | **FAIL**: %s | | | |%n", label,
                    v.get("error")) : String.format(Locale.ROOT, "| %s | %s | %s | %s / %s | %s / %s |%n", label,
                    num(v.get("acceptedPerSec")), num(v.get("completedPerSec")), num(v.get("p50Ms")),
                    num(v.get("p99Ms")), v.get("completed"), v.get("failed")));
        }
        if (memory.containsKey("completedPerSec") && durable.containsKey("completedPerSec")) {
            double ratio = ((Number) durable.get("completedPerSec")).doubleValue()
                    / ((Number) memory.get("completedPerSec")).doubleValue();
            double accepted = ((Number) durable.get("acceptedPerSec")).doubleValue();
            b.append(String.format(Locale.ROOT, "%n- durable ÷ in-memory completed/s: %.2f, target ≥ 0.90: %s%n",
                    ratio, ratio >= 0.9 ? "met" : "**not met**"));
            b.append(String.format(Locale.ROOT, "- durable accepted/s: %s, target ≥ 2,000: %s%n", num(accepted),
                    accepted >= 2000 ? "met" : "**not met**"));
        }
        b.append('\n');
    }

    private static Object firstOf(Map<String, Object> a, Map<String, Object> b, String key) {
        return a.containsKey(key) ? a.get(key) : b.get(key);
    }

    @SuppressWarnings("unchecked")
    private void jfr(StringBuilder b) {
        Map<String, Object> jfr = map(r.get("jfr"));
        if (jfr.isEmpty()) {
            return;
        }
        b.append("## Where our JVMs spent CPU (JFR, top self frames; full summaries in jfr/*.md)\n\n");
        jfr.forEach((name, value) -> {
            Map<String, Object> s = map(value);
            List<String> top = (List<String>) s.getOrDefault("topSelf", List.of());
            b.append("**").append(name).append("** (").append(s.get("executionSamples")).append(" samples, GC ")
                    .append(s.get("gcPauseMs")).append(" ms paused)\n\n```\n");
            top.stream().limit(8).forEach(l -> b.append(l).append('\n'));
            b.append("```\n\n");
        });
    }

    private static Map<String, Object> phase(Map<String, Object> variant, int concurrency) {
        for (Map<String, Object> p : list(variant.get("phases"))) {
            if (p.get("concurrency") instanceof Number n && n.intValue() == concurrency) {
                return p;
            }
        }
        return null;
    }

    private static double rate(Map<String, Object> phase) {
        return phase == null ? 0 : ((Number) phase.get("msgsPerSec")).doubleValue();
    }

    private static String ratio(double ours, double other) {
        if (ours <= 0 || other <= 0) {
            return "–";
        }
        double x = ours / other;
        return String.format(Locale.ROOT, x >= 10 ? "%.0f×" : "%.1f×", x);
    }

    private static String num(Object o) {
        if (!(o instanceof Number n)) {
            return "–";
        }
        double d = n.doubleValue();
        return d >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String mb(Object o) {
        return o instanceof Number n && n.longValue() >= 0 ? (n.longValue() >> 20) + " MB" : "–";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : new ArrayList<>();
    }
}
