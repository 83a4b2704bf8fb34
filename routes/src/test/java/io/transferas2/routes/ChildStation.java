package io.transferas2.routes;

import java.io.FileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** A {@link StationProcess} started by a test: a real separate JVM that can be killed with SIGKILL. */
final class ChildStation implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildStation(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the station JVM and waits until its routes run. */
    static ChildStation start(String name, int port, Path workDir, Map<String, String> props, String logName)
            throws Exception {
        Files.createDirectories(workDir);
        Path propsFile = workDir.resolve(logName + ".properties");
        Properties p = new Properties();
        p.putAll(props);
        try (FileWriter out = new FileWriter(propsFile.toFile())) {
            p.store(out, null);
        }
        Path log = workDir.resolve(logName + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-Dtransferas2.routes.dir=" + Station.routesDir().toAbsolutePath(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), StationProcess.class.getName(), name,
                Integer.toString(port), workDir.toString(), propsFile.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildStation child = new ChildStation(process, log);
        Await.until(name + " started (" + log + ")", Duration.ofSeconds(180), child::started, s -> s);
        return child;
    }

    private boolean started() throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError("station process exited with " + process.exitValue() + ":\n"
                    + Files.readString(log));
        }
        return Files.readString(log).contains(StationProcess.STARTED);
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful stop; waits for the exit. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the station did not stop within 120 s");
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
