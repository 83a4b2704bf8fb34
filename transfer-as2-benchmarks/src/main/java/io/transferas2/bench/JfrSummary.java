package io.transferas2.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recorded JVM spent its CPU and its allocations: for each {@code .jfr} file, the methods most often on top
 * of the stack in execution samples (self time), the methods of ours ({@code io.transferas2}) most often anywhere in
 * the stack (total time), the allocation sites by sampled weight, and the GC pause total. Writes
 * {@code <name>.md} beside each recording and returns the figures for results.json.
 */
final class JfrSummary {
    private static final int TOP = 15;

    private JfrSummary() {
    }

    static Map<String, Object> summariseAll(Path dir) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".jfr", "");
            try {
                Map<String, Object> summary = summarise(f);
                all.put(name, summary);
                Files.writeString(dir.resolve(name + ".md"), markdown(name, summary));
            } catch (IOException | RuntimeException e) {
                all.put(name, Map.of("error", e.toString()));
            }
        }
        return all;
    }

    static Map<String, Object> summarise(Path file) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> oursTotal = new HashMap<>();
        Map<String, Long> allocation = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        double gcPauseMs = 0;
        long gcs = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    self.merge(method(st.getFrames().get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : st.getFrames()) {
                        String m = method(f);
                        if (m.startsWith("io.transferas2.") && seen.add(m)) {
                            oursTotal.merge(m, 1L, Long::sum);
                        }
                    }
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    long weight = e.getLong("weight");
                    allocated += weight;
                    RecordedStackTrace st = e.getStackTrace();
                    String site = st == null || st.getFrames().isEmpty() ? "?" : site(st);
                    String cls = e.getClass("objectClass") == null ? "?" : e.getClass("objectClass").getName();
                    allocation.merge(cls + " at " + site, weight, Long::sum);
                } else if (type.equals("jdk.GarbageCollection")) {
                    gcs++;
                    gcPauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("executionSamples", samples);
        m.put("topSelf", top(self, samples));
        m.put("topOursTotal", top(oursTotal, samples));
        m.put("sampledAllocationBytes", allocated);
        m.put("topAllocation", top(allocation, allocated));
        m.put("gcCount", gcs);
        m.put("gcPauseMs", Math.round(gcPauseMs));
        return m;
    }

    /** The first frame outside java.*, jdk.*, sun.* (where the allocation was asked for), with its top frame. */
    private static String site(RecordedStackTrace st) {
        String top = method(st.getFrames().get(0));
        for (RecordedFrame f : st.getFrames()) {
            String m = method(f);
            if (!m.startsWith("java.") && !m.startsWith("jdk.") && !m.startsWith("sun.")) {
                return m.equals(top) ? m : m + " (in " + top + ")";
            }
        }
        return top;
    }

    private static String method(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    private static List<String> top(Map<String, Long> counts, long total) {
        List<String> out = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> out.add(String.format(Locale.ROOT, "%5.1f %%  %s", 100.0 * e.getValue()
                        / Math.max(1, total), e.getKey())));
        return out;
    }

    @SuppressWarnings("unchecked")
    static String markdown(String name, Map<String, Object> s) {
        StringBuilder b = new StringBuilder("# JFR summary: " + name + "\n\n");
        b.append("Execution samples: ").append(s.get("executionSamples")).append("; GC: ").append(s.get("gcCount"))
                .append(" collections, ").append(s.get("gcPauseMs")).append(" ms paused in total; sampled ")
                .append("allocation: ").append(((Number) s.get("sampledAllocationBytes")).longValue() >> 20)
                .append(" MB.\n\n");
        section(b, "CPU, self (top frame)", (List<String>) s.get("topSelf"));
        section(b, "CPU, total, our methods (anywhere in the stack)", (List<String>) s.get("topOursTotal"));
        section(b, "Allocation by sampled weight (class at first non-JDK frame)", (List<String>) s.get("topAllocation"));
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<String> lines) {
        b.append("## ").append(title).append("\n\n```\n");
        lines.forEach(l -> b.append(l).append('\n'));
        b.append("```\n\n");
    }
}
