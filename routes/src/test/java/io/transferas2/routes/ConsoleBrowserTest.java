package io.transferas2.routes;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.certs.PemCodec;
import io.transferas2.console.PasswordHashes;
import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.store.FileStatus;

import static io.transferas2.routes.TwoStations.A_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations console in a real browser (Debian's headless Chromium through Selenium), on MYCOMPANY's station of
 * the route pack trading with PARTNER: the ten scenarios, in order (the failed transfer of scenario 4 is the
 * one resent in 5). With {@code -Dconsole.screenshots=<dir>} it saves the README's screenshots. Without chromium it
 * fails; {@code -Dconsole.browser.skip=true} skips it (local machines only; CI installs chromium).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String ADMIN_PASSWORD = "admin-password-7d1e";
    private static final String VIEWER_PASSWORD = "viewer-password-2b9c";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private TwoStations stations;
    private ConsoleBrowser browser;
    private String base;
    private String sentMessageId;
    private String failedMessageId;
    private String expiringCertificateId;

    @BeforeAll
    void start() throws Exception {
        ConsoleBrowser.requireChromium();
        String users = "ops:admin:" + PasswordHashes.hash(ADMIN_PASSWORD.toCharArray()) + ",viewer:read-only:"
                + PasswordHashes.hash(VIEWER_PASSWORD.toCharArray());
        stations = TwoStations.start(dir, Map.of("transferas2.console.enabled", "true",
                "transferas2.console.users", users,
                "camel.component.transfer-as2.retry-max-attempts", "1"), Map.of());
        base = "http://127.0.0.1:" + stations.a.port;
        browser = new ConsoleBrowser(base, dir.resolve("chromium-profile"));
        // MYCOMPANY sends PARTNER an order, and PARTNER sends MYCOMPANY an invoice (ASYNC MDN)
        stations.a.put(A_BUCKET, "console/po-1001.x12", "ISA*console-order~");
        stations.b.put(TwoStations.B_BUCKET, "console/inv-2001.x12", "ISA*console-invoice~");
        String transferId = stations.a.startFileTransfer(TwoStations.A_TO_B, "/mycompany-edi/console/po-1001.x12");
        stations.b.startFileTransfer(TwoStations.B_TO_A, "/partner-edi/console/inv-2001.x12");
        sentMessageId = Await.until("the order completed", Duration.ofSeconds(60),
                () -> componentA().transferHistory().firstMessageId(transferId).flatMap(id -> componentA()
                        .transferQueue().file(id)), f -> f.isPresent() && f.get().status() == FileStatus.COMPLETED)
                .orElseThrow().messageId();
        Await.until("the invoice received", Duration.ofSeconds(60), () -> componentA().transferHistory().list(
                io.transferas2.store.TransferFilter.all(), 10, null).items(), rows -> rows.stream()
                .anyMatch(r -> r.direction() == io.transferas2.store.TransferFilter.Direction.INBOUND));
        // a certificate of PARTNER's that becomes inactive in 10 days
        Certificate expiring = new Certificate();
        expiring.setUsage(CertificateUsageType.SIGNING);
        expiring.setCertificate(PemCodec.toPem(List.of(StationKeys.key("partner").certificate())));
        expiring.setActiveDate(Instant.now());
        expiring.setInactiveDate(Instant.now().plus(Duration.ofDays(10)).plus(Duration.ofHours(1)));
        expiringCertificateId = stations.a.registry().importCertificate(expiring);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (stations != null) {
            stations.close();
        }
    }

    private TransferAs2Component componentA() {
        return stations.a.context().getComponent("transfer-as2", TransferAs2Component.class);
    }

    @Test
    @Order(1)
    void logIn() throws Exception {
        browser.open("/console/transfers");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
        browser.screenshot("login");
        browser.find("#username").sendKeys("ops");
        browser.find("#password").sendKeys("wrong password");
        browser.find("#login").click();
        assertThat(browser.text("#login-error")).contains("Wrong user name or password");
        browser.login("ops", ADMIN_PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/transfers");
        assertThat(browser.text("#user")).isEqualTo("ops (admin)");
        Cookie session = browser.driver.manage().getCookieNamed("tas2_console");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.isSecure()).isFalse();
    }

    @Test
    @Order(2)
    void seeATransferSentByTheStations() throws Exception {
        browser.open("/console/transfers");
        WebElement row = rowOf(sentMessageId);
        assertThat(row.getText()).contains("COMPLETED", "out", TwoStations.A_TO_B, "po-1001.x12");
        assertThat(browser.all("#transfers tbody tr")).anySatisfy(r -> assertThat(r.getText())
                .contains("in", "PARTNER", "COMPLETED", "inv-2001"));
        browser.screenshot("transfers");
        browser.open("/console/transfer?messageId=" + java.net.URLEncoder.encode(sentMessageId, "UTF-8"));
        assertThat(browser.text("#facts")).contains("COMPLETED", TwoStations.A_TO_B);
        assertThat(browser.text("#attempts")).contains("COMPLETED", componentA().nodeId());
        assertThat(browser.text("#status-json")).contains("\"status-code\"", "COMPLETED");
    }

    private WebElement rowOf(String messageId) {
        return browser.all("#transfers tbody tr").stream().filter(r -> r.getText().contains(messageId)).findFirst()
                .orElseThrow(() -> new AssertionError(messageId + " is not listed"));
    }

    @Test
    @Order(3)
    void filterToAPartner() {
        browser.open("/console/transfers");
        browser.find("#f-partner").sendKeys("PARTNER");
        browser.find("#direction option[value=INBOUND]").click();
        browser.find("#apply").click();
        List<WebElement> rows = browser.all("#transfers tbody tr");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains("in", "PARTNER"));
        browser.open("/console/transfers?partner=NOBODY");
        assertThat(browser.all("#transfers tbody tr")).isEmpty();
        assertThat(browser.text("#empty")).contains("No transfer matches");
    }

    @Test
    @Order(4)
    void openAFailedTransferAndReadItsFailure() throws Exception {
        stations.b.registry().stopServer(TwoStations.B_SERVER);
        stations.a.put(A_BUCKET, "console/po-1002.x12", "ISA*console-order-2~");
        String transferId = stations.a.startFileTransfer(TwoStations.A_TO_B, "/mycompany-edi/console/po-1002.x12");
        failedMessageId = Await.until("the order failed", Duration.ofSeconds(60),
                () -> componentA().transferHistory().firstMessageId(transferId).flatMap(id -> componentA()
                        .transferQueue().file(id)), f -> f.isPresent() && f.get().status() == FileStatus.FAILED)
                .orElseThrow().messageId();
        browser.open("/console/transfers?status=FAILED");
        rowOf(failedMessageId).findElement(org.openqa.selenium.By.cssSelector("a.detail")).click();
        assertThat(browser.text("#failure .code")).isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
        assertThat(browser.text("#failure .explained")).contains("partner's server answered with an HTTP error");
        assertThat(browser.text("#failure .message")).contains("503");
        browser.screenshot("failed-transfer");
    }

    @Test
    @Order(5)
    void resendItAfterThePartnerComesBackAndSeeItComplete() throws Exception {
        stations.b.registry().startServer(TwoStations.B_SERVER);
        browser.open("/console/transfer?messageId=" + java.net.URLEncoder.encode(failedMessageId, "UTF-8"));
        browser.find("#action-resend").click();
        assertThat(browser.text("#question")).contains("Resend");
        browser.find("#confirm").click();
        assertThat(browser.text("#done")).contains("Resent /mycompany-edi/console/po-1002.x12 as transfer");
        browser.find("#linked").click();
        String url = browser.driver.getCurrentUrl();
        Await.until("the resent file completed", Duration.ofSeconds(60), () -> {
            browser.driver.get(url);
            return browser.text("#facts");
        }, facts -> facts.contains("COMPLETED"));
        assertThat(browser.text("#audit")).contains("ops RESENT_FROM", failedMessageId);
        browser.open("/console/transfer?messageId=" + java.net.URLEncoder.encode(failedMessageId, "UTF-8"));
        assertThat(browser.text("#audit")).contains("ops RESEND");
        browser.open("/console/audit");
        assertThat(browser.text("#audit-log")).contains("ops", "RESEND", failedMessageId);
    }

    @Test
    @Order(6)
    void seeACertificateThatExpiresInTenDaysFlagged() throws Exception {
        browser.open("/console/certificates");
        WebElement row = browser.find("#cert-" + expiringCertificateId);
        assertThat(row.getAttribute("class")).isEqualTo("soon");
        assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".days")).getText()).isEqualTo("10");
        assertThat(browser.all("tr.fine")).isNotEmpty();
        assertThat(browser.all(".now")).isNotEmpty();
        assertThat(browser.all("#timeline rect")).isNotEmpty();
        // no certificate body or key is rendered
        assertThat(browser.driver.getPageSource()).doesNotContain("BEGIN", "PRIVATE KEY");
        browser.screenshot("certificates");
        browser.open("/console/partners");
        assertThat(browser.text("#partner-" + TwoStations.id("p-", 0xa2))).contains("PARTNER", TwoStations.A_TO_B);
        browser.screenshot("partners");
    }

    @Test
    @Order(7)
    void seeTheChartRenderWithData() throws Exception {
        browser.open("/console/throughput?range=hour");
        assertThat(browser.all("#chart-messages rect.out")).isNotEmpty();
        assertThat(browser.all("#chart-messages rect.in")).isNotEmpty();
        assertThat(browser.all("#chart-bytes rect.in")).isNotEmpty();
        assertThat(browser.text("#failures")).contains("HTTP_ERROR_RESPONSE_FROM_PARTNER");
        browser.screenshot("throughput");
    }

    @Test
    @Order(8)
    void beRefusedAnActionAsAReadOnlyUser() throws Exception {
        try (ConsoleBrowser viewer = new ConsoleBrowser(base, dir.resolve("viewer-profile"))) {
            viewer.login("viewer", VIEWER_PASSWORD);
            assertThat(viewer.text("#user")).isEqualTo("viewer (read-only)");
            viewer.open("/console/confirm?action=stop-server&target=" + TwoStations.A_SERVER);
            viewer.find("#confirm").click();
            assertThat(viewer.text("#message")).contains("Refused", "read-only");
        }
        assertThat(stations.a.registry().describeServer(TwoStations.A_SERVER).isOnline()).isTrue();
    }

    @Test
    @Order(9)
    void beRefusedWithoutLogin() throws Exception {
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/api/transfers"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).doesNotContain(sentMessageId);
        HttpResponse<String> action = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/actions/resend"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("target=" + failedMessageId)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(action.statusCode()).isEqualTo(401);
        try (ConsoleBrowser stranger = new ConsoleBrowser(base, dir.resolve("stranger-profile"))) {
            stranger.open("/console/certificates");
            assertThat(stranger.driver.getCurrentUrl()).endsWith("/console/login");
        }
    }

    @Test
    @Order(10)
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        String session = browser.driver.manage().getCookieNamed("tas2_console").getValue();
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(
                URI.create(base + "/console/actions/stop-server"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "tas2_console=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("target=" + TwoStations.A_SERVER)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("CSRF");
        assertThat(stations.a.registry().describeServer(TwoStations.A_SERVER).isOnline()).isTrue();
        // the same session with its token, through the JSON API, is accepted: the token made the difference
        String csrf = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/console/api/session")).header("Cookie", "tas2_console="
                        + session).build(), HttpResponse.BodyHandlers.ofString()).body()).path("CsrfToken").asText();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(
                URI.create(base + "/console/api/actions/stop-server"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "tas2_console=" + session).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("target=" + TwoStations.A_SERVER)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(stations.a.registry().describeServer(TwoStations.A_SERVER).isOnline()).isFalse();
        stations.a.registry().startServer(TwoStations.A_SERVER);
    }

    @Test
    @Order(11)
    void cookiesAreSecureBehindTlsAndTheApiIsDocumentedJson() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c)
                .contains("HttpOnly", "SameSite=Strict", "Secure"));
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("frame-ancestors 'none'"));
    }
}
