package io.transferas2.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One side of one variant in its own JVM ({@link RoleMain}), on the orchestrator's classpath. Both output streams go
 * to {@code logs/<name>.out|.err}; stdout lines are kept for the orchestrator to read; an
 * {@code OutOfMemoryError} on either stream is noted (a peer whose connection thread dies of it may never answer).
 */
final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final PrintWriter stdin;
    private final List<Thread> pumps = new ArrayList<>();
    private volatile String outOfMemory;
    private volatile java.util.function.Consumer<String> listener = line -> { };

    private ChildJvm(String name, Process process, Path logs) throws IOException {
        this.name = name;
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        pump(process.getInputStream(), logs.resolve(name + ".out"), true);
        pump(process.getErrorStream(), logs.resolve(name + ".err"), false);
    }

    static ChildJvm start(String name, List<String> jvmFlags, List<String> args, Path logs) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RoleMain.class.getName());
        command.addAll(args);
        Files.writeString(logs.resolve(name + ".cmd"), String.join(" ", command) + "\n");
        return new ChildJvm(name, new ProcessBuilder(command).start(), logs);
    }

    private void pump(InputStream stream, Path log, boolean keep) throws IOException {
        OutputStream file = Files.newOutputStream(log);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
                 OutputStream out = file) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    // stderr only: a result line on stdout may quote the error the JVM caught itself
                    if (!keep && line.contains("OutOfMemoryError") && outOfMemory == null) {
                        outOfMemory = line.strip();
                    }
                    if (keep) {
                        listener.accept(line);
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-" + log.getFileName());
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    /** Called with each stdout line as it arrives, before it is kept. */
    void onLine(java.util.function.Consumer<String> l) {
        this.listener = l;
    }

    /** CPU time the process used so far, in ms (-1 once it ended or where there is no procfs). */
    long cpuMillis() {
        return MemoryStats.cpuMillis(Long.toString(process.pid()));
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** The first stdout line starting with {@code prefix}, waiting up to {@code timeout}; null if none came. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String found = find(prefix);
            if (found != null) {
                return found;
            }
            if (!process.isAlive()) {
                drain();
                return find(prefix);
            }
            if (System.nanoTime() > end) {
                return null;
            }
            synchronized (lines) {
                lines.wait(50);
            }
        }
    }

    private String find(String prefix) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        }
    }

    /** Every {@code TAG {json}} line printed so far. */
    List<Map<String, Object>> json(String tag) {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (lines) {
            for (String l : lines) {
                Map<String, Object> m = Json.parse(tag, l);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    void tell(String command) {
        stdin.println(command);
    }

    /** Waits for the process to end; false if it did not within the timeout. */
    boolean waitFor(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ended) {
            drain();
        }
        return ended;
    }

    /** After the process ended: lets the pumps read what is still buffered in its pipes. */
    private void drain() throws InterruptedException {
        for (Thread t : pumps) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** The OutOfMemoryError line either stream printed, or null. */
    String outOfMemory() {
        return outOfMemory;
    }

    /** The process's peak resident set so far (VmHWM), -1 when unknown or ended. */
    long peakRss() {
        return MemoryStats.peakRssBytes(Long.toString(process.pid()));
    }

    /** Asks a server to stop and returns its STATS line (null if it had to be killed). */
    Map<String, Object> stop(Duration timeout) throws InterruptedException {
        if (process.isAlive()) {
            tell("STOP");
            stdin.close();
        }
        String line = awaitLine("STATS ", timeout);
        close();
        return line == null ? null : Json.parse("STATS", line);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (!process.isAlive()) {
            drain();
        }
    }
}
