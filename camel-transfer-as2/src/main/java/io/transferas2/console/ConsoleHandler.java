package io.transferas2.console;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.model.TransferJson;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.Page;
import io.transferas2.registry.ResourceNotFoundException;
import io.transferas2.store.FileTransferResult;
import io.transferas2.store.InboundReceipt;
import io.transferas2.store.TransferFilter;
import io.transferas2.store.TransferHistory;
import io.transferas2.store.TransferRow;
import io.transferas2.transfer.StoragePath;

/**
 * The operations console: routes a request to a page, the JSON API or an action, after the checks every request
 * passes. Pages and {@code /api/*} need a session (log in at {@code /login}); every POST needs the session's CSRF
 * token ({@code _csrf} form field or {@code X-CSRF-Token} header); actions need the admin role. Responses carry
 * headers that keep the pages out of frames and caches.
 */
public final class ConsoleHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHandler.class);
    static final String SESSION_COOKIE = "tas2_console";
    static final String LOGIN_COOKIE = "tas2_console_login";
    private static final long MAX_DOWNLOAD = 64L * 1024 * 1024;

    private final String root;
    private final ConsoleUsers users;
    private final ConsoleSessions sessions;
    private final ConsoleBackend backend;
    private final ConsoleData data;
    private final ConsolePages pages;
    private final Clock clock;
    private final ObjectMapper json = TransferJson.json();

    public ConsoleHandler(String root, ConsoleUsers users, ConsoleSessions sessions, ConsoleBackend backend,
                          Clock clock) {
        this.root = root;
        this.users = users;
        this.sessions = sessions;
        this.backend = backend;
        this.data = new ConsoleData(backend);
        this.pages = new ConsolePages(root);
        this.clock = clock;
    }

    public ConsoleResponse handle(ConsoleRequest req) {
        ConsoleResponse response;
        try {
            response = route(req);
        } catch (InvalidRequestException | IllegalArgumentException e) {
            response = error(req, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("console: {} {} failed: {}", req.method(), req.path(), e.toString());
            response = error(req, 500, "The console could not answer: " + e.getClass().getSimpleName());
        }
        return response.header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'none'; frame-ancestors 'none';"
                        + " form-action 'self'; base-uri 'none'");
    }

    private ConsoleResponse route(ConsoleRequest req) {
        String path = req.path();
        if (path.equals("/static/console.css")) {
            return ConsoleResponse.bytes("text/css; charset=utf-8", ConsoleCss.CSS);
        }
        if (path.equals("/login")) {
            return req.isPost() ? login(req) : loginPage(req, null, 200);
        }
        Optional<ConsoleSessions.Session> found = sessions.find(req.cookies().get(SESSION_COOKIE));
        if (found.isEmpty()) {
            if (!req.isPost() && !path.startsWith("/api/")) {
                return ConsoleResponse.redirect(root + "/login");
            }
            return error(req, 401, "Log in first");
        }
        ConsoleSessions.Session s = found.get();
        if (req.isPost() && !ConsoleSessions.same(s.csrfToken(), csrfToken(req))) {
            LOG.warn("console: POST {} by {} refused: missing or wrong CSRF token", path, s.user());
            return error(req, 403, "Refused: the request has no valid CSRF token");
        }
        if (req.isPost()) {
            return post(req, s);
        }
        return get(req, s);
    }

    private static String csrfToken(ConsoleRequest req) {
        String header = req.header("x-csrf-token");
        return header != null ? header : req.form().get("_csrf");
    }

    // ---- login ---------------------------------------------------------------------------------------------------

    private ConsoleResponse loginPage(ConsoleRequest req, String error, int status) {
        String token = ConsoleSessions.token();
        return ConsoleResponse.html(status, pages.login(token, error))
                .cookie(cookie(req, LOGIN_COOKIE, token, 600));
    }

    private ConsoleResponse login(ConsoleRequest req) {
        // a login form posted from another site has no login cookie (SameSite=Strict): login CSRF is refused
        if (!ConsoleSessions.same(req.cookies().get(LOGIN_COOKIE), req.form().get("_login"))) {
            return loginPage(req, "The login form expired; try again", 403);
        }
        String user = req.form().get("username");
        String password = req.form().getOrDefault("password", "");
        Optional<ConsoleUsers.Role> role = users.authenticate(user, password.toCharArray());
        if (role.isEmpty()) {
            LOG.warn("console: failed login for user '{}'", user == null ? "" : user.replaceAll("[^\\w.@-]", "?"));
            return loginPage(req, "Wrong user name or password", 401);
        }
        ConsoleSessions.Session s = sessions.open(user, role.get());
        LOG.info("console: {} logged in ({})", user, role.get().label());
        return ConsoleResponse.redirect(root + "/transfers")
                .cookie(cookie(req, SESSION_COOKIE, s.id(), sessions.idle().toSeconds()))
                .cookie(cookie(req, LOGIN_COOKIE, "", 0));
    }

    private String cookie(ConsoleRequest req, String name, String value, long maxAge) {
        return name + "=" + value + "; Path=" + root + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (req.https() ? "; Secure" : "");
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    private ConsoleResponse get(ConsoleRequest req, ConsoleSessions.Session s) {
        Instant now = clock.instant();
        return switch (req.path()) {
            case "", "/" -> ConsoleResponse.redirect(root + "/transfers");
            case "/transfers" -> {
                Map<String, String> f = filterParams(req);
                yield ConsoleResponse.html(200, pages.transfers(s, f, list(f, req.param("token"), 50)));
            }
            case "/transfer" -> transferPage(req, s);
            case "/partners" -> ConsoleResponse.html(200, pages.partners(s, data.partners(now), data.servers()));
            case "/certificates" -> ConsoleResponse.html(200, pages.certificates(s, data.certificates(now), now));
            case "/throughput" -> {
                String range = range(req);
                yield ConsoleResponse.html(200, pages.throughput(s, range, buckets(range, now),
                        backend.history().failuresByCode(now.minus(Charts.span(range)))));
            }
            case "/audit" -> ConsoleResponse.html(200, pages.audit(s, backend.history().audits(null, 200)));
            case "/confirm" -> confirm(req, s);
            case "/download" -> download(req, s);
            case "/api/session" -> json(Map.of("User", s.user(), "Role", s.role().label(), "CsrfToken",
                    s.csrfToken()));
            case "/api/transfers" -> {
                int max = req.param("maxResults") == null ? 100 : Integer.parseInt(req.param("maxResults"));
                Page<TransferRow> page = list(filterParams(req), req.param("nextToken"), max);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("Transfers", page.items().stream().map(ConsoleHandler::rowJson).toList());
                body.put("NextToken", page.nextToken());
                yield json(body);
            }
            case "/api/transfer" -> transferJson(req);
            case "/api/partners" -> json(data.partners(now).stream().map(ConsoleHandler::partnerJson).toList());
            case "/api/certificates" -> json(data.certificates(now).stream().map(ConsoleHandler::certificateJson)
                    .toList());
            case "/api/throughput" -> {
                String range = range(req);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("Range", range);
                body.put("BucketSeconds", Charts.bucket(range).toSeconds());
                body.put("Buckets", buckets(range, now));
                body.put("FailuresByCode", backend.history().failuresByCode(now.minus(Charts.span(range))));
                yield json(body);
            }
            case "/api/audit" -> json(backend.history().audits(req.param("target"), 200));
            default -> error(req, 404, "No such console page");
        };
    }

    private static String range(ConsoleRequest req) {
        String r = req.param("range");
        return "day".equals(r) || "week".equals(r) ? r : "hour";
    }

    private List<TransferHistory.Bucket> buckets(String range, Instant now) {
        return backend.history().throughput(now.minus(Charts.span(range)), now.plusSeconds(1),
                Charts.bucket(range).toMillis());
    }

    private static Map<String, String> filterParams(ConsoleRequest req) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : new String[] {"partner", "direction", "status", "from", "to", "file", "messageId",
                "transferId"}) {
            String v = req.param(name);
            if (v != null) {
                f.put(name, v);
            }
        }
        return f;
    }

    private Page<TransferRow> list(Map<String, String> f, String token, int max) {
        TransferFilter.Direction direction = f.get("direction") == null ? null
                : TransferFilter.Direction.valueOf(f.get("direction"));
        String messageId = f.get("messageId");
        if (messageId != null && messageId.startsWith("<") && messageId.endsWith(">")) {
            messageId = messageId.substring(1, messageId.length() - 1);
        }
        TransferFilter filter = new TransferFilter(direction, f.get("status"), instant(f.get("from")),
                instant(f.get("to")), f.get("file"), messageId, f.get("transferId"), null, null);
        return backend.history().list(data.withPartner(filter, f.get("partner")), max, token);
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("Times are ISO 8601, e.g. 2026-12-03T10:15:00Z, not '" + value
                        + "'");
            }
        }
    }

    private ConsoleResponse transferPage(ConsoleRequest req, ConsoleSessions.Session s) {
        String id = req.param("messageId");
        if (id == null) {
            return error(req, 400, "Which transfer? (messageId)");
        }
        List<TransferHistory.AuditEntry> audits = backend.history().audits(id, 50);
        Optional<FileTransferResult> out = backend.queue().file(id);
        if (out.isPresent()) {
            return ConsoleResponse.html(200, pages.outbound(s, out.get(), pretty(out.get().statusKey()), audits));
        }
        List<InboundReceipt> in = backend.history().receipts(id);
        if (!in.isEmpty()) {
            return ConsoleResponse.html(200, pages.inbound(s, in.get(0), pretty(in.get(0).statusKey()), audits));
        }
        return error(req, 404, "No transfer has Message-ID " + id);
    }

    private ConsoleResponse transferJson(ConsoleRequest req) {
        String id = req.param("messageId");
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<FileTransferResult> out = backend.queue().file(id == null ? "" : id);
        if (out.isPresent()) {
            body.put("Direction", "OUTBOUND");
            body.put("File", out.get());
            body.put("Status", readJson(out.get().statusKey()));
        } else {
            List<InboundReceipt> in = id == null ? List.of() : backend.history().receipts(id);
            if (in.isEmpty()) {
                return error(req, 404, "No transfer has Message-ID " + id);
            }
            body.put("Direction", "INBOUND");
            body.put("Receipt", receiptJson(in.get(0)));
            body.put("Status", readJson(in.get(0).statusKey()));
        }
        body.put("FailureExplained", FailureTexts.explain(out.map(FileTransferResult::failureCode).orElseGet(
                () -> backend.history().receipts(id).get(0).failureCode())));
        body.put("Actions", backend.history().audits(id, 50));
        return json(body);
    }

    /** The status JSON object, read through the station; null when there is none or it cannot be read. */
    private String statusJson(String key) {
        if (key == null) {
            return null;
        }
        try {
            Optional<InputStream> in = backend.open(StoragePath.parse(key));
            if (in.isEmpty()) {
                return null;
            }
            try (InputStream s = in.get()) {
                return new String(s.readNBytes(256 * 1024), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (Exception e) {
            return "(status JSON " + key + " could not be read: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** The status JSON indented for reading, or as stored when it is not JSON. */
    private String pretty(String key) {
        Object tree = readJson(key);
        if (tree instanceof com.fasterxml.jackson.databind.JsonNode node) {
            try {
                return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            } catch (JsonProcessingException e) {
                return node.toString();
            }
        }
        return (String) tree;
    }

    private Object readJson(String key) {
        String text = statusJson(key);
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** An object of a transfer the store knows (payload, status JSON, MDN), never an arbitrary key. */
    private ConsoleResponse download(ConsoleRequest req, ConsoleSessions.Session s) {
        String id = req.param("messageId");
        String what = req.param("what");
        String key = null;
        Optional<FileTransferResult> out = id == null ? Optional.empty() : backend.queue().file(id);
        if (out.isPresent()) {
            key = "payload".equals(what) ? out.get().filePath() : "status".equals(what) ? out.get().statusKey()
                    : null;
        } else if (id != null) {
            List<InboundReceipt> in = backend.history().receipts(id);
            if (!in.isEmpty()) {
                InboundReceipt r = in.get(0);
                key = switch (what == null ? "" : what) {
                    case "payload" -> r.payloadKey();
                    case "status" -> r.statusKey();
                    case "mdn" -> r.mdnKey();
                    default -> null;
                };
            }
        }
        if (key == null) {
            return error(req, 404, "This transfer has no " + what + " object");
        }
        try {
            Optional<InputStream> in = backend.open(StoragePath.parse(key));
            if (in.isEmpty()) {
                return error(req, 404, "The object " + key + " does not exist (any more)");
            }
            byte[] bytes;
            try (InputStream stream = in.get()) {
                bytes = stream.readNBytes((int) MAX_DOWNLOAD + 1);
            }
            if (bytes.length > MAX_DOWNLOAD) {
                return error(req, 413, "The object is larger than the console serves (64 MiB); read it from S3");
            }
            LOG.info("console: {} downloaded {}", s.user(), key);
            String name = key.substring(key.lastIndexOf('/') + 1).replaceAll("[^\\w.@+-]", "_");
            return ConsoleResponse.bytes("application/octet-stream", bytes)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        } catch (Exception e) {
            return error(req, 502, "The object could not be read: " + e.getClass().getSimpleName());
        }
    }

    private ConsoleResponse confirm(ConsoleRequest req, ConsoleSessions.Session s) {
        String action = req.param("action");
        String target = req.param("target");
        if (action == null || target == null) {
            return error(req, 400, "Which action on what?");
        }
        String question = switch (action) {
            case "resend" -> "Resend the file of transfer " + target + " as a new transfer?";
            case "retry" -> "Send " + target + " again with the same Message-ID?";
            case "start-server" -> "Start server " + target + "?";
            case "stop-server" -> "Stop server " + target + "? Partners sending to it are refused until it starts.";
            default -> null;
        };
        if (question == null) {
            return error(req, 404, "No such action");
        }
        return ConsoleResponse.html(200, pages.confirm(s, action, target, question));
    }

    // ---- actions -------------------------------------------------------------------------------------------------

    private ConsoleResponse post(ConsoleRequest req, ConsoleSessions.Session s) {
        if (req.path().equals("/logout")) {
            sessions.close(s.id());
            return ConsoleResponse.redirect(root + "/login").cookie(cookie(req, SESSION_COOKIE, "", 0));
        }
        boolean api = req.path().startsWith("/api/");
        String action = req.path().replaceFirst("^/(api/)?actions/", "");
        if (action.equals(req.path())) {
            return error(req, 404, "No such console action");
        }
        if (s.role() != ConsoleUsers.Role.ADMIN) {
            LOG.warn("console: {} (read-only) was refused action {}", s.user(), action);
            return error(req, 403, "Refused: " + s.user() + " is a read-only user");
        }
        String target = req.param("target");
        if (target == null) {
            return error(req, 400, "Which transfer or server? (target)");
        }
        ConsoleActions.Result result = new ConsoleActions(backend, data, clock).run(action, target, s.user());
        if (result == null) {
            return error(req, 404, "No such console action");
        }
        if (api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("Outcome", result.outcome());
            body.put("TransferId", result.linkedId());
            return ConsoleResponse.json(result.ok() ? 200 : 409, toJson(body));
        }
        String link = result.linkedMessageId() == null ? "<a href=\"" + root + "/transfers\">Transfers</a>"
                : "<a id=\"linked\" href=\"" + root + "/transfer?messageId=" + Html.url(result.linkedMessageId())
                + "\">the new transfer</a>";
        return ConsoleResponse.html(result.ok() ? 200 : 409, pages.done(s, result.outcome(), link));
    }

    // ---- JSON ----------------------------------------------------------------------------------------------------

    private ConsoleResponse json(Object body) {
        return ConsoleResponse.json(200, toJson(body));
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsoleResponse error(ConsoleRequest req, int status, String message) {
        if (req.path().startsWith("/api/")) {
            return ConsoleResponse.json(status, toJson(Map.of("Message", message)));
        }
        return ConsoleResponse.html(status, pages.message(null, "Error " + status, message));
    }

    static Map<String, Object> rowJson(TransferRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Direction", r.direction().name());
        m.put("MessageId", r.messageId());
        m.put("TransferId", r.transferId());
        m.put(r.direction() == TransferFilter.Direction.INBOUND ? "ServerId" : "ConnectorId", r.resourceId());
        m.put("AgreementId", r.agreementId());
        m.put("As2From", r.partnerAs2Id());
        m.put("File", r.file());
        m.put("TransferSize", r.transferSize() < 0 ? null : r.transferSize());
        m.put("StatusCode", r.status());
        m.put("FailureCode", r.failureCode());
        m.put("Timestamp", r.at());
        m.put("FinishedAt", r.finishedAt());
        return m;
    }

    static Map<String, Object> receiptJson(InboundReceipt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MessageId", r.messageId());
        m.put("ServerId", r.serverId());
        m.put("AgreementId", r.agreementId());
        m.put("As2From", r.as2From());
        m.put("As2To", r.as2To());
        m.put("FileName", r.fileName());
        m.put("TransferSize", r.transferSize() < 0 ? null : r.transferSize());
        m.put("Mic", r.mic());
        m.put("Disposition", r.disposition());
        m.put("MdnMode", r.mdnMode());
        m.put("MdnMessageId", r.mdnMessageId());
        m.put("StatusCode", r.status());
        m.put("FailureCode", r.failureCode());
        m.put("FailureMessage", r.failureMessage());
        m.put("ClientIp", r.clientIp());
        m.put("PayloadKey", r.payloadKey());
        m.put("StatusKey", r.statusKey());
        m.put("MdnKey", r.mdnKey());
        m.put("Signed", r.signed());
        m.put("Encrypted", r.encrypted());
        m.put("Compressed", r.compressed());
        m.put("ReceivedAt", r.receivedAt());
        m.put("Node", r.node());
        return m;
    }

    static Map<String, Object> partnerJson(ConsoleData.PartnerView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ProfileId", p.profile().getProfileId());
        m.put("As2Id", p.profile().getAs2Id());
        m.put("AgreementIds", p.agreements().stream().map(a -> a.getAgreementId()).toList());
        m.put("Inbound", p.inbound());
        List<Map<String, Object>> connectors = new ArrayList<>();
        for (ConsoleData.ConnectorView c : p.connectors()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("ConnectorId", c.connector().getConnectorId());
            cm.put("Url", c.connector().getUrl());
            cm.put("Activity", c.activity());
            connectors.add(cm);
        }
        m.put("Connectors", connectors);
        return m;
    }

    static Map<String, Object> certificateJson(ConsoleData.CertificateView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        var c = v.certificate();
        m.put("CertificateId", c.getCertificateId());
        m.put("Usage", c.getUsage());
        m.put("Status", c.getStatus());
        m.put("Serial", c.getSerial());
        m.put("ProfileIds", v.profileIds());
        m.put("ActiveDate", c.getActiveDate());
        m.put("InactiveDate", c.getInactiveDate());
        m.put("NotBeforeDate", c.getNotBeforeDate());
        m.put("NotAfterDate", c.getNotAfterDate());
        m.put("DaysToExpiry", v.daysToExpiry() == Long.MAX_VALUE ? null : v.daysToExpiry());
        m.put("Expiry", v.expiryClass());
        m.put("InUseNow", v.usedNow());
        return m;
    }

    static boolean notFound(RuntimeException e) {
        return e instanceof ResourceNotFoundException;
    }
}
