import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The quickstart's driver, run by run.sh with the JDK's source launcher ({@code java Quickstart.java <repo root>}), so
 * it needs nothing but the JDK. It starts the two stations as {@code ./camel run} processes, sends one file each way
 * through the StartFileTransfer HTTP trigger of the route pack, waits for the status files AWS's layout puts beside
 * the sent files, prints where everything landed and stops the stations.
 *
 * <p>Read it as an example of driving a station from outside: a file becomes an S3 object by being copied under
 * {@code data/s3/<bucket>/<key>} (the embedded S3 stores objects as plain files), a transfer starts with one POST,
 * and its outcome is a JSON file.
 */
public final class Quickstart {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Path root;
    private final Path home;
    private final Path data;
    private final List<Station> started = new ArrayList<>();

    /** One AS2 station of the quickstart. */
    record Station(String name, int port, String bucket, String connectorId, Path dir) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    /** One transfer to run and report. */
    record Transfer(Station from, Station to, String sample, String outboxPrefix, String inboxPrefix,
                    String how) {
    }

    private Process mycompanyProcess;
    private Process partnerProcess;

    private Quickstart(Path root) {
        this.root = root;
        this.home = root.resolve("examples/quickstart");
        this.data = home.resolve("data");
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: java Quickstart.java <repository root>");
            System.exit(2);
        }
        Quickstart quickstart = new Quickstart(Path.of(args[0]).toAbsolutePath().normalize());
        Runtime.getRuntime().addShutdownHook(new Thread(quickstart::stopStations));
        int status;
        try {
            status = quickstart.run();
        } catch (QuickstartFailure e) {
            say("FAILED: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            say("FAILED: " + e);
            status = 1;
        } finally {
            quickstart.stopStations();
        }
        System.exit(status);
    }

    private int run() throws Exception {
        Station mycompany = new Station("MYCOMPANY", 5080, "mycompany-edi", "c-0000000000000a001",
                home.resolve("mycompany"));
        Station partner = new Station("PARTNER", 5081, "partner-edi", "c-0000000000000b001",
                home.resolve("partner"));

        say("step 2/5: keys and certificates (" + rel(data.resolve("keys")) + ")");
        String password = ensureKeys(List.of("mycompany", "partner"));

        say("step 3/5: starting the stations");
        for (Station s : List.of(mycompany, partner)) {
            requireFreePort(s);
        }
        String consoleHash = ensureConsoleLogin();
        mycompanyProcess = start(mycompany, password, consoleHash);
        partnerProcess = start(partner, password, consoleHash);
        awaitReady(mycompany, mycompanyProcess);
        awaitReady(partner, partnerProcess);

        say("step 4/5: transfers");
        Map<Transfer, Result> results = new LinkedHashMap<>();
        Transfer toPartner = new Transfer(mycompany, partner, "po-850.x12", "outbound/partner",
                "inbound/mycompany", "SHA256 signature, AES256_CBC encryption, ZLIB compression, signed SYNC MDN");
        Transfer toMycompany = new Transfer(partner, mycompany, "invoice-810.x12", "outbound/mycompany",
                "inbound/partner", "SHA256 signature, AES256_CBC encryption, ZLIB compression, signed ASYNC MDN"
                + " (POSTed back to PARTNER's server)");
        results.put(toPartner, send(toPartner));
        results.put(toMycompany, send(toMycompany));

        say("step 5/5: summary");
        boolean ok = true;
        for (Map.Entry<Transfer, Result> e : results.entrySet()) {
            ok &= print(e.getKey(), e.getValue());
        }
        System.out.println();
        System.out.println("Station logs: " + rel(data.resolve("mycompany.log")) + ", "
                + rel(data.resolve("partner.log")));
        System.out.println("Every S3 object is a plain file under " + rel(data.resolve("s3")) + "/<bucket>/<key>.");
        System.out.println("Run a station yourself:");
        System.out.println("  cd " + rel(data.resolve("mycompany")) + " && QUICKSTART_KEYSTORE_PASSWORD=$(cat"
                + " ../keys/keystore-password) QUICKSTART_CONSOLE_HASH=$(cat ../keys/console-hash)"
                + " ../../../../camel run ../../../../routes/*.camel.yaml"
                + " ../../../../routes/application.properties ../../mycompany/station.properties");
        System.out.println("  then open http://localhost:" + mycompany.port() + "/console (user ops, password in "
                + rel(data.resolve("keys/console-password")) + ")");
        if (!ok) {
            throw new QuickstartFailure("a transfer did not complete; see the summary and the station logs");
        }
        say("done");
        return 0;
    }

    // ---- keys ------------------------------------------------------------------------------------------------------

    /** Generates each station's RSA key and self-signed certificate with keytool, once; returns their password. */
    private String ensureKeys(List<String> names) throws Exception {
        Path keys = Files.createDirectories(data.resolve("keys"));
        Path passwordFile = keys.resolve("keystore-password");
        if (!Files.exists(passwordFile)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.writeString(passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            restrict(passwordFile);
        }
        String password = Files.readString(passwordFile).strip();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        for (String name : names) {
            Path store = keys.resolve(name + ".p12");
            Path cert = keys.resolve(name + ".crt");
            if (Files.exists(store) && Files.exists(cert)) {
                System.out.println("  " + name + ": " + rel(store) + " (kept from an earlier run)");
                continue;
            }
            Files.deleteIfExists(store);
            exec(List.of(keytool.toString(), "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
                    "-sigalg", "SHA256withRSA", "-validity", "3650",
                    "-dname", "CN=" + name.toUpperCase() + ", O=camel-transfer-as2 quickstart",
                    "-ext", "KeyUsage=digitalSignature,keyEncipherment", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass:env", "QUICKSTART_KEYSTORE_PASSWORD"), password);
            exec(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(),
                    "-storepass:env", "QUICKSTART_KEYSTORE_PASSWORD", "-file", cert.toString()), password);
            restrict(store);
            System.out.println("  " + name + ": generated " + rel(store) + " and " + rel(cert));
        }
        return password;
    }

    /**
     * The operations console's login (user ops, admin) on MYCOMPANY's station: a random password, once, and its
     * PBKDF2 hash in the format io.transferas2.console.PasswordHashes makes (the station is configured with the hash
     * only); returns the hash.
     */
    private String ensureConsoleLogin() throws Exception {
        Path keys = Files.createDirectories(data.resolve("keys"));
        Path passwordFile = keys.resolve("console-password");
        Path hashFile = keys.resolve("console-hash");
        if (!Files.exists(passwordFile) || !Files.exists(hashFile)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String consolePassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            int iterations = 210_000;
            byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                    new javax.crypto.spec.PBEKeySpec(consolePassword.toCharArray(), salt, iterations, 256))
                    .getEncoded();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            Files.writeString(passwordFile, consolePassword);
            restrict(passwordFile);
            Files.writeString(hashFile, "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(hash));
            restrict(hashFile);
            System.out.println("  console: user ops, password generated in " + rel(passwordFile));
        }
        return Files.readString(hashFile).strip();
    }

    private static void exec(List<String> command, String password) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("QUICKSTART_KEYSTORE_PASSWORD", password);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new QuickstartFailure("keytool failed: " + output.strip());
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    // ---- stations --------------------------------------------------------------------------------------------------

    private static void requireFreePort(Station s) {
        try (ServerSocket socket = new ServerSocket(s.port(), 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new QuickstartFailure("port " + s.port() + " (" + s.name() + "'s AS2 server) is in use. Stop what"
                    + " listens there (a station of an earlier run still running?), or change camel.server.port in "
                    + "examples/quickstart/" + s.dir().getFileName() + "/station.properties and the connector Urls in"
                    + " both registry.yaml files");
        }
    }

    private Process start(Station s, String password, String consoleHash) throws IOException {
        Path workDir = Files.createDirectories(data.resolve(s.dir().getFileName()));
        Path log = data.resolve(s.dir().getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(root.resolve("camel").toString(), "run"));
        try (Stream<Path> files = Files.list(root.resolve("routes"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted()
                    .forEach(f -> command.add(f.toString()));
        }
        command.add(root.resolve("routes/application.properties").toString());
        command.add(s.dir().resolve("station.properties").toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QUICKSTART_KEYSTORE_PASSWORD", password);
        pb.environment().put("QUICKSTART_CONSOLE_HASH", consoleHash);
        System.out.println("  " + s.name() + ": ./camel run routes/*.camel.yaml routes/application.properties "
                + rel(s.dir().resolve("station.properties")) + "   (log: " + rel(log) + ")");
        Process process = pb.start();
        started.add(s);
        return process;
    }

    private void awaitReady(Station s, Process process) throws Exception {
        long begin = System.nanoTime();
        long lastNote = begin;
        while (true) {
            if (!process.isAlive()) {
                throw new QuickstartFailure(s.name() + " stopped while starting (exit " + process.exitValue()
                        + "); last lines of its log:\n" + tail(data.resolve(s.dir().getFileName() + ".log"), 25));
            }
            if (healthy(s)) {
                System.out.printf("  %s: up on %s (%d s)%n", s.name(), s.url("/as2"),
                        Duration.ofNanos(System.nanoTime() - begin).toSeconds());
                return;
            }
            long now = System.nanoTime();
            if (Duration.ofNanos(now - begin).compareTo(START_TIMEOUT) > 0) {
                throw new QuickstartFailure(s.name() + " did not become ready within " + START_TIMEOUT.toMinutes()
                        + " minutes; last lines of its log:\n" + tail(data.resolve(s.dir().getFileName() + ".log"),
                        25));
            }
            if (Duration.ofNanos(now - lastNote).toSeconds() >= 10) {
                System.out.printf("  %s: still starting (%d s)%n", s.name(),
                        Duration.ofNanos(now - begin).toSeconds());
                lastNote = now;
            }
            Thread.sleep(500);
        }
    }

    private static boolean healthy(Station s) throws InterruptedException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.url("/observe/health")))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the stations gracefully (SIGTERM: Camel finishes in-flight work), then forcibly after 30 s. */
    private synchronized void stopStations() {
        for (Process p : new Process[] {partnerProcess, mycompanyProcess}) {
            if (p != null && p.isAlive()) {
                p.destroy();
            }
        }
        for (Process p : new Process[] {partnerProcess, mycompanyProcess}) {
            if (p == null) {
                continue;
            }
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        partnerProcess = null;
        mycompanyProcess = null;
    }

    // ---- transfers -------------------------------------------------------------------------------------------------

    /** What a transfer came to, read from the files the stations wrote. */
    record Result(String transferId, Map<String, Object> status, Path source, Path statusFile, Path mdnFile,
                  Path landedPayload, Path landedStatus, Path landedMdn, String mic) {
    }

    private Result send(Transfer t) throws Exception {
        Station from = t.from();
        String key = t.outboxPrefix() + "/" + t.sample();
        Path source = putObject(from.bucket(), key, home.resolve("samples").resolve(t.sample()));
        String request = "{\"ConnectorId\":\"" + from.connectorId() + "\",\"SendFilePaths\":[\"/" + from.bucket()
                + "/" + key + "\"]}";
        System.out.println("  " + from.name() + " -> " + t.to().name() + ": POST " + from.url("/transfers") + " "
                + request);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(from.url("/transfers")))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("    answer " + response.statusCode() + " " + response.body());
        if (response.statusCode() != 200) {
            throw new QuickstartFailure("StartFileTransfer was refused: " + response.body());
        }
        String transferId = String.valueOf(MiniJson.parseObject(response.body()).get("TransferId"));

        // the outcome: <parent>/processed/ (or failed/) <name>.<transferId>.<messageId>.<ext>.json
        Path parent = data.resolve("s3").resolve(from.bucket()).resolve(t.outboxPrefix());
        String stem = stem(t.sample());
        Path statusFile = awaitFile("the status file of transfer " + transferId, () -> find(parent,
                stem + "." + transferId + ".", ".json"));
        Map<String, Object> status = MiniJson.parseObject(Files.readString(statusFile));
        // the route writes the MDN before the JSON, so it is there when the JSON is
        Path mdnFile = sibling(statusFile, ".mdn");
        String messageId = String.valueOf(status.get("as2-message-id"));
        Path inbox = data.resolve("s3").resolve(t.to().bucket()).resolve(t.inboxPrefix()).resolve("processed");
        Path landed = inbox.resolve(stem + "." + messageId + extension(t.sample()));
        Path landedStatus = Path.of(landed + ".json");
        Path landedMdn = Path.of(landed + ".mdn");
        if ("COMPLETED".equals(status.get("status-code"))) {
            awaitFile("the landed payload's status file at " + t.to().name(),
                    () -> Files.exists(landedStatus) ? Optional.of(landedStatus) : Optional.empty());
        }
        String mic = mdnFile != null ? micOf(mdnFile) : null;
        System.out.println("    " + status.get("status-code") + " (" + t.sample() + ", transfer " + transferId + ")");
        return new Result(transferId, status, source, statusFile, mdnFile, exists(landed), exists(landedStatus),
                exists(landedMdn), mic);
    }

    /** Copies a file into the embedded S3's directory: it is then the object s3://bucket/key. */
    private Path putObject(String bucket, String key, Path file) throws IOException {
        Path target = data.resolve("s3").resolve(bucket).resolve(key);
        Files.createDirectories(target.getParent());
        Path staging = Files.createDirectories(data.resolve("staging")).resolve(file.getFileName());
        Files.copy(file, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private interface Probe {
        Optional<Path> find() throws IOException;
    }

    private static Path awaitFile(String what, Probe probe) throws Exception {
        long deadline = System.nanoTime() + TRANSFER_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> found = probe.find();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new QuickstartFailure("timed out after " + TRANSFER_TIMEOUT.toSeconds() + " s waiting for " + what
                + "; see the station logs in examples/quickstart/data");
    }

    private static Optional<Path> find(Path parent, String prefix, String suffix) throws IOException {
        for (String folder : List.of("processed", "failed")) {
            Path dir = parent.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                Optional<Path> hit = files.filter(f -> {
                    String n = f.getFileName().toString();
                    return n.startsWith(prefix) && n.endsWith(suffix);
                }).findFirst();
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }

    private static Path sibling(Path json, String extension) {
        Path mdn = Path.of(json.toString().replaceAll("\\.json$", extension));
        return Files.exists(mdn) ? mdn : null;
    }

    private static Path exists(Path p) {
        return Files.exists(p) ? p : null;
    }

    /** The Received-Content-MIC the partner returned in its MDN. */
    private static String micOf(Path mdn) throws IOException {
        for (String line : Files.readAllLines(mdn, StandardCharsets.ISO_8859_1)) {
            if (line.regionMatches(true, 0, "Received-Content-MIC:", 0, 21)) {
                return line.substring(21).strip();
            }
        }
        return null;
    }

    // ---- summary ---------------------------------------------------------------------------------------------------

    private boolean print(Transfer t, Result r) throws IOException {
        Map<String, Object> s = r.status();
        boolean completed = "COMPLETED".equals(s.get("status-code"));
        System.out.println();
        System.out.println(t.from().name() + " -> " + t.to().name() + ": " + t.sample() + " ("
                + Files.size(r.source()) + " bytes), " + t.how());
        row("status", s.get("status-code") + (completed ? "" : "  " + s.get("failure-code") + ": "
                + s.get("failure-message")));
        row("transfer id", r.transferId());
        row("message id", s.get("as2-message-id"));
        row("disposition", s.get("disposition"));
        row("MIC", r.mic());
        System.out.println("  at " + t.from().name() + " (sender):");
        location("sent file", r.source());
        location("status JSON", r.statusFile());
        location("MDN received", r.mdnFile());
        System.out.println("  at " + t.to().name() + " (receiver):");
        location("payload", r.landedPayload());
        location("status JSON", r.landedStatus());
        location("MDN sent", r.landedMdn());
        return completed && r.landedPayload() != null && r.landedStatus() != null && r.mdnFile() != null;
    }

    private static void row(String label, Object value) {
        System.out.printf("  %-14s %s%n", label, value == null ? "-" : value);
    }

    private void location(String label, Path file) {
        if (file == null) {
            row("  " + label, "(none)");
            return;
        }
        Path s3 = data.resolve("s3").relativize(file);
        String bucket = s3.getName(0).toString();
        String key = s3.subpath(1, s3.getNameCount()).toString().replace('\\', '/');
        row("  " + label, "s3://" + bucket + "/" + key);
        row("", rel(file));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String rel(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
                    .replaceAll("\u001B\\[[0-9;]*m", "");
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void say(String message) {
        System.out.println("quickstart: " + message);
    }

    /** A failure to report in one clear sentence. */
    static final class QuickstartFailure extends RuntimeException {
        QuickstartFailure(String message) {
            super(message);
        }
    }

    /** Just enough JSON for the status files and the trigger's answer: objects, arrays, strings, numbers, literals. */
    static final class MiniJson {
        private final String text;
        private int pos;

        private MiniJson(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> parseObject(String text) {
            MiniJson p = new MiniJson(text);
            Object value = p.value();
            if (!(value instanceof Map)) {
                throw new QuickstartFailure("expected a JSON object, got: " + text);
            }
            return (Map<String, Object>) value;
        }

        private Object value() {
            skip();
            char c = text.charAt(pos);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                pos++;
                skip();
                if (text.charAt(pos) == '}') {
                    pos++;
                    return map;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    map.put(key, value());
                    skip();
                    if (text.charAt(pos) == ',') {
                        pos++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                pos++;
                skip();
                if (text.charAt(pos) == ']') {
                    pos++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (text.charAt(pos) == ',') {
                        pos++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = pos;
            while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String literal = text.substring(start, pos);
            return switch (literal) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> literal.contains(".") ? Double.valueOf(literal) : Long.valueOf(literal);
            };
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    char e = text.charAt(pos++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            pos++;
            return sb.toString();
        }

        private void expect(char c) {
            if (text.charAt(pos) != c) {
                throw new QuickstartFailure("malformed JSON at " + pos + ": " + text);
            }
            pos++;
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
