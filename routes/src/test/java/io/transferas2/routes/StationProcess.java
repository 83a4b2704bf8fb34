package io.transferas2.routes;

import java.io.FileReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A station of the route pack in a JVM of its own, for crash tests: {@code StationProcess <name> <port> <workDir>
 * <properties file>}. It prints {@value #STARTED} once started; SIGTERM stops it gracefully, SIGKILL kills it.
 */
public final class StationProcess {
    static final String STARTED = "STATION-PROCESS-STARTED";

    private StationProcess() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (FileReader in = new FileReader(args[3])) {
            p.load(in);
        }
        Map<String, String> props = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(n -> props.put(n, p.getProperty(n)));
        Station station = Station.start(args[0], Integer.parseInt(args[1]), Path.of(args[2]), props);
        Runtime.getRuntime().addShutdownHook(new Thread(station::close, "station-stop"));
        System.out.println(STARTED);
        System.out.flush();
        Thread.currentThread().join();
    }
}
