package io.transferas2.console;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.queue.TransferQueue;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.store.EmbeddedStore;
import io.transferas2.store.InboundReceipt;
import io.transferas2.store.JdbcTransferStore;
import io.transferas2.store.TransferHistory;
import io.transferas2.transfer.StoragePath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's request handling on a real embedded transfer store and registry, without HTTP: the rules every
 * request passes (login, login CSRF, session expiry, CSRF on POSTs, roles), escaping of values partners control, and
 * that refused requests change and audit nothing. The browser test covers the same pages end to end.
 */
class ConsoleHandlerTest {
    private static final String ADMIN = "admin-password-1";
    private static final String VIEWER = "viewer-password-1";

    @TempDir
    Path dir;
    private JdbcTransferStore store;
    private TestClock clock;
    private ConsoleHandler handler;
    private final List<TransferHistory.AuditEntry> handed = new ArrayList<>();
    private TransferHistory history;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStore.open(dir.resolve("store"), 4);
        history = new TransferHistory(store.dataSource());
        clock = new TestClock();
        TransferRegistry registry = new TransferRegistry();
        TransferQueue queue = new TransferQueue(store, "node-1", clock);
        ConsoleBackend backend = new ConsoleBackend() {
            @Override
            public TransferRegistry registry() {
                return registry;
            }

            @Override
            public TransferHistory history() {
                return history;
            }

            @Override
            public TransferQueue queue() {
                return queue;
            }

            @Override
            public Optional<InputStream> open(StoragePath path) {
                return Optional.empty();
            }

            @Override
            public void actionTaken(TransferHistory.AuditEntry entry) {
                handed.add(entry);
            }
        };
        ConsoleUsers users = ConsoleUsers.parse("ops:admin:" + PasswordHashes.hash(ADMIN.toCharArray())
                + ",viewer:read-only:" + PasswordHashes.hash(VIEWER.toCharArray()), v -> v);
        handler = new ConsoleHandler("/console", users, new ConsoleSessions(Duration.ofMinutes(30), clock), backend,
                clock);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    private ConsoleResponse get(String path, Map<String, String> query, Map<String, String> cookies) {
        return handler.handle(new ConsoleRequest("GET", path, query, Map.of(), cookies, Map.of(), false));
    }

    private ConsoleResponse post(String path, Map<String, String> form, Map<String, String> cookies,
                                 Map<String, String> headers, boolean https) {
        return handler.handle(new ConsoleRequest("POST", path, Map.of(), form, cookies, headers, https));
    }

    private static String cookieValue(ConsoleResponse r, String name) {
        return r.cookies().stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElse(null);
    }

    /** Logs in through the form, as a browser does; returns the session cookie. */
    private String login(String user, String password, boolean https) {
        ConsoleResponse form = get("/login", Map.of(), Map.of());
        String loginToken = cookieValue(form, ConsoleHandler.LOGIN_COOKIE);
        assertThat(form.bodyText()).contains("name=\"_login\" value=\"" + loginToken + "\"");
        ConsoleResponse r = post("/login", Map.of("_login", loginToken, "username", user, "password", password),
                Map.of(ConsoleHandler.LOGIN_COOKIE, loginToken), Map.of(), https);
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.headers().get("Location")).isEqualTo("/console/transfers");
        String sessionCookie = r.cookies().stream().filter(c -> c.startsWith(ConsoleHandler.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly", "SameSite=Strict", "Path=/console");
        assertThat(sessionCookie.contains("Secure")).isEqualTo(https);
        return cookieValue(r, ConsoleHandler.SESSION_COOKIE);
    }

    private String csrf(String session) {
        String json = get("/api/session", Map.of(), Map.of(ConsoleHandler.SESSION_COOKIE, session)).bodyText();
        return json.replaceAll(".*\"CsrfToken\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void withoutSessionPagesRedirectToLoginAndTheApiAnswers401() {
        ConsoleResponse page = get("/transfers", Map.of(), Map.of());
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.headers().get("Location")).isEqualTo("/console/login");
        ConsoleResponse api = get("/api/transfers", Map.of(), Map.of(ConsoleHandler.SESSION_COOKIE, "forged"));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/json");
        assertThat(api.headers()).containsEntry("X-Frame-Options", "DENY").containsKey("Content-Security-Policy");
    }

    @Test
    void loginNeedsTheFormsOwnTokenAndTheRightPassword() {
        ConsoleResponse form = get("/login", Map.of(), Map.of());
        String loginToken = cookieValue(form, ConsoleHandler.LOGIN_COOKIE);
        // posted from another site: no login cookie travels (SameSite=Strict), so the token cannot match
        ConsoleResponse crossSite = post("/login", Map.of("_login", loginToken, "username", "ops", "password", ADMIN),
                Map.of(), Map.of(), false);
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(cookieValue(crossSite, ConsoleHandler.SESSION_COOKIE)).isNull();
        ConsoleResponse wrong = post("/login", Map.of("_login", loginToken, "username", "ops", "password", "nope"),
                Map.of(ConsoleHandler.LOGIN_COOKIE, loginToken), Map.of(), false);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.bodyText()).contains("Wrong user name or password").doesNotContain("nope");
        ConsoleResponse unknown = post("/login", Map.of("_login", loginToken, "username", "nobody", "password",
                ADMIN), Map.of(ConsoleHandler.LOGIN_COOKIE, loginToken), Map.of(), false);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.bodyText()).contains("Wrong user name or password");
        assertThat(login("ops", ADMIN, true)).isNotBlank();
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndOnLogout() {
        String session = login("ops", ADMIN, false);
        Map<String, String> cookies = Map.of(ConsoleHandler.SESSION_COOKIE, session);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(get("/transfers", Map.of(), cookies).status()).isEqualTo(200);
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(get("/transfers", Map.of(), cookies).status()).isEqualTo(303);

        String second = login("ops", ADMIN, false);
        Map<String, String> again = Map.of(ConsoleHandler.SESSION_COOKIE, second);
        assertThat(post("/logout", Map.of(), again, Map.of(), false).status()).isEqualTo(403);
        assertThat(post("/logout", Map.of("_csrf", csrf(second)), again, Map.of(), false).status()).isEqualTo(303);
        assertThat(get("/api/session", Map.of(), again).status()).isEqualTo(401);
    }

    @Test
    void actionsNeedTheCsrfTokenAndTheAdminRoleAndAreAudited() {
        String viewer = login("viewer", VIEWER, false);
        Map<String, String> viewerCookies = Map.of(ConsoleHandler.SESSION_COOKIE, viewer);
        ConsoleResponse noToken = post("/actions/retry", Map.of("target", "m-1@x"), viewerCookies, Map.of(), false);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.bodyText()).contains("CSRF");
        ConsoleResponse readOnly = post("/actions/retry", Map.of("target", "m-1@x", "_csrf", csrf(viewer)),
                viewerCookies, Map.of(), false);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.bodyText()).contains("read-only");
        assertThat(history.audits(null, 10)).isEmpty();
        assertThat(handed).isEmpty();

        String admin = login("ops", ADMIN, false);
        Map<String, String> adminCookies = Map.of(ConsoleHandler.SESSION_COOKIE, admin);
        ConsoleResponse otherSessionsToken = post("/actions/retry", Map.of("target", "m-1@x", "_csrf",
                csrf(viewer)), adminCookies, Map.of(), false);
        assertThat(otherSessionsToken.status()).isEqualTo(403);
        ConsoleResponse api = post("/api/actions/retry", Map.of("target", "m-1@x"), adminCookies,
                Map.of("x-csrf-token", csrf(admin)), false);
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.bodyText()).contains("No outbound transfer has Message-ID m-1@x");
        assertThat(history.audits("m-1@x", 10)).singleElement().satisfies(e -> {
            assertThat(e.user()).isEqualTo("ops");
            assertThat(e.action()).isEqualTo("RETRY");
            assertThat(e.at()).isEqualTo(clock.now);
        });
        assertThat(handed).hasSize(1);
    }

    @Test
    void valuesPartnersControlAreEscaped() {
        String evil = "<script>alert(1)</script>\"'.edi";
        history.record(new InboundReceipt().messageId("<img src=x onerror=alert(2)>@evil").serverId(
                "s-0000000000000000a").as2From("\"><svg onload=alert(3)>").as2To("MYCOMPANY").fileName(evil)
                .transferSize(3).status("FAILED").failureCode("DECRYPT_FAILED").failureMessage("</pre><script>x")
                .mdnMode("SYNC").signed(false).encrypted(false).compressed(false).receivedAt(clock.now)
                .node("node-1"));
        Map<String, String> cookies = Map.of(ConsoleHandler.SESSION_COOKIE, login("ops", ADMIN, false));
        String list = get("/transfers", Map.of(), cookies).bodyText();
        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;.edi",
                "&quot;&gt;&lt;svg onload=alert(3)&gt;").doesNotContain("<script", "<svg", "<img");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("messageId", "<img src=x onerror=alert(2)>@evil");
        ConsoleResponse detail = get("/transfer", query, cookies);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.bodyText()).contains("DECRYPT_FAILED", "could not be decrypted")
                .doesNotContain("<script", "<svg", "<img");
        ConsoleResponse badTime = get("/transfers", Map.of("from", "<b>yesterday"), cookies);
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.bodyText()).contains("ISO 8601").doesNotContain("<b>");
    }
}
