package io.transferas2.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.transferas2.model.Agreement;
import io.transferas2.model.Server;
import io.transferas2.registry.Page;
import io.transferas2.store.FileAttempt;
import io.transferas2.store.FileTransferResult;
import io.transferas2.store.InboundReceipt;
import io.transferas2.store.TransferHistory;
import io.transferas2.store.TransferRow;

import static io.transferas2.console.Html.esc;
import static io.transferas2.console.Html.time;
import static io.transferas2.console.Html.url;

/** The console's HTML pages (server-rendered; no script). */
final class ConsolePages {
    private final String root;

    ConsolePages(String root) {
        this.root = root;
    }

    String login(String loginToken, String error) {
        return Html.page(root, "Log in", null, (error == null ? "" : "<p class=\"error\" id=\"login-error\">"
                + esc(error) + "</p>") + "<form method=\"post\" action=\"" + root + "/login\" class=\"login\">"
                + "<input type=\"hidden\" name=\"_login\" value=\"" + esc(loginToken) + "\">"
                + "<label>User <input name=\"username\" id=\"username\" autocomplete=\"username\"></label>"
                + "<label>Password <input type=\"password\" name=\"password\" id=\"password\""
                + " autocomplete=\"current-password\"></label><button type=\"submit\" id=\"login\">Log in</button>"
                + "</form>");
    }

    String transfers(ConsoleSessions.Session s, Map<String, String> filter, Page<TransferRow> page) {
        StringBuilder b = new StringBuilder();
        b.append("<form method=\"get\" action=\"").append(root).append("/transfers\" class=\"filter\" id=\"filter\">");
        field(b, "partner", "Partner (As2Id or ProfileId)", filter);
        b.append("<label>Direction <select name=\"direction\" id=\"direction\">");
        option(b, "", "both", filter.get("direction"));
        option(b, "INBOUND", "in", filter.get("direction"));
        option(b, "OUTBOUND", "out", filter.get("direction"));
        b.append("</select></label><label>Status <select name=\"status\" id=\"status\">");
        for (String st : new String[] {"", "QUEUED", "IN_PROGRESS", "PROCESSING", "COMPLETED", "FAILED"}) {
            option(b, st, st.isEmpty() ? "any" : st, filter.get("status"));
        }
        b.append("</select></label>");
        field(b, "from", "From (ISO time)", filter);
        field(b, "to", "To", filter);
        field(b, "file", "File name", filter);
        field(b, "messageId", "Message-ID", filter);
        field(b, "transferId", "TransferId", filter);
        b.append("<button type=\"submit\" id=\"apply\">Filter</button></form>");
        b.append("<table id=\"transfers\"><thead><tr><th>Time</th><th>Dir</th><th>Status</th><th>Partner /"
                + " connector</th><th>File</th><th>Size</th><th>Failure</th><th>Message-ID</th></tr></thead><tbody>");
        for (TransferRow r : page.items()) {
            boolean in = r.direction() == io.transferas2.store.TransferFilter.Direction.INBOUND;
            b.append("<tr class=\"").append(esc(r.status().toLowerCase(java.util.Locale.ROOT))).append("\"><td>")
                    .append(time(r.at())).append("</td><td>").append(in ? "in" : "out").append("</td><td class=\"st\">")
                    .append(esc(r.status())).append("</td><td>")
                    .append(esc(in ? r.partnerAs2Id() + " → " + r.resourceId() : r.resourceId())).append("</td><td>")
                    .append(esc(r.file())).append("</td><td>").append(r.transferSize() < 0 ? "" : r.transferSize())
                    .append("</td><td>").append(esc(r.failureCode())).append("</td><td><a class=\"detail\" href=\"")
                    .append(root).append("/transfer?messageId=").append(url(r.messageId())).append("\">")
                    .append(esc(r.messageId())).append("</a></td></tr>");
        }
        b.append("</tbody></table>");
        if (page.items().isEmpty()) {
            b.append("<p id=\"empty\">No transfer matches.</p>");
        }
        if (page.nextToken() != null) {
            StringBuilder q = new StringBuilder();
            filter.forEach((k, v) -> q.append(url(k)).append('=').append(url(v)).append('&'));
            b.append("<p><a id=\"next\" href=\"").append(root).append("/transfers?").append(q).append("token=")
                    .append(url(page.nextToken())).append("\">Older →</a></p>");
        }
        return Html.page(root, "Transfers", s, b.toString());
    }

    private static void field(StringBuilder b, String name, String label, Map<String, String> values) {
        b.append("<label>").append(esc(label)).append(" <input name=\"").append(name).append("\" id=\"f-")
                .append(name).append("\" value=\"").append(esc(values.get(name))).append("\"></label>");
    }

    private static void option(StringBuilder b, String value, String label, String selected) {
        b.append("<option value=\"").append(esc(value)).append('"')
                .append(value.equals(selected == null ? "" : selected) ? " selected" : "").append('>')
                .append(esc(label)).append("</option>");
    }

    String outbound(ConsoleSessions.Session s, FileTransferResult f, String statusJson,
                    List<TransferHistory.AuditEntry> audits) {
        StringBuilder b = new StringBuilder();
        b.append("<dl class=\"facts\" id=\"facts\">");
        fact(b, "Direction", "outbound");
        fact(b, "Status", f.status().name());
        fact(b, "TransferId", f.transferId());
        fact(b, "ConnectorId", f.connectorId());
        fact(b, "File", f.filePath());
        fact(b, "Message-ID", f.messageId());
        fact(b, "MIC", f.mic());
        fact(b, "Accepted", time(f.acceptedAt()));
        fact(b, "Finished", time(f.finishedAt()));
        b.append("</dl>");
        failure(b, f.failureCode(), f.failureMessage());
        b.append("<h2>Attempts</h2><table id=\"attempts\"><thead><tr><th>#</th><th>Node</th><th>Started</th>"
                + "<th>Ended</th><th>Outcome</th><th>Failure</th></tr></thead><tbody>");
        for (FileAttempt a : f.attempts()) {
            b.append("<tr><td>").append(a.attempt()).append("</td><td>").append(esc(a.node())).append("</td><td>")
                    .append(time(a.startedAt())).append("</td><td>").append(time(a.endedAt())).append("</td><td>")
                    .append(esc(a.outcome())).append("</td><td>").append(esc(a.failureCode() == null ? ""
                    : a.failureCode() + ": " + a.failureMessage())).append("</td></tr>");
        }
        b.append("</tbody></table>");
        downloads(b, f.messageId(), f.statusKey() != null, false, false);
        statusJson(b, statusJson);
        b.append("<h2>Actions</h2><p class=\"actions\">");
        if (f.status() == io.transferas2.store.FileStatus.FAILED) {
            actionLink(b, "resend", "Resend the file (new transfer)", f.messageId());
        }
        if (f.status() == io.transferas2.store.FileStatus.PROCESSING
                || f.status() == io.transferas2.store.FileStatus.FAILED) {
            actionLink(b, "retry", "Send again with the same Message-ID (ASYNC MDN never came)", f.messageId());
        }
        b.append("</p>");
        audit(b, audits);
        return Html.page(root, "Transfer " + f.messageId(), s, b.toString());
    }

    String inbound(ConsoleSessions.Session s, InboundReceipt r, String statusJson,
                   List<TransferHistory.AuditEntry> audits) {
        StringBuilder b = new StringBuilder();
        b.append("<dl class=\"facts\" id=\"facts\">");
        fact(b, "Direction", "inbound");
        fact(b, "Status", r.status());
        fact(b, "ServerId", r.serverId());
        fact(b, "AgreementId", r.agreementId());
        fact(b, "AS2-From", r.as2From());
        fact(b, "AS2-To", r.as2To());
        fact(b, "File", r.fileName());
        fact(b, "Size", r.transferSize() < 0 ? "" : r.transferSize() + " bytes");
        fact(b, "Message-ID", r.messageId());
        fact(b, "Security", (r.signed() ? "signed " : "") + (r.encrypted() ? "encrypted " : "")
                + (r.compressed() ? "compressed" : ""));
        fact(b, "MDN", r.mdnMode() + (r.mdnMessageId() == null ? "" : " " + r.mdnMessageId()));
        fact(b, "Disposition", r.disposition());
        fact(b, "MIC", r.mic());
        fact(b, "Client", r.clientIp());
        fact(b, "Received", time(r.receivedAt()) + " on " + r.node());
        b.append("</dl>");
        failure(b, r.failureCode(), r.failureMessage());
        downloads(b, r.messageId(), r.statusKey() != null, r.payloadKey() != null, r.mdnKey() != null);
        statusJson(b, statusJson);
        audit(b, audits);
        return Html.page(root, "Transfer " + r.messageId(), s, b.toString());
    }

    private void failure(StringBuilder b, String code, String message) {
        if (code != null) {
            b.append("<div class=\"failure\" id=\"failure\"><p><strong class=\"code\">").append(esc(code))
                    .append("</strong> <span class=\"explained\">").append(esc(FailureTexts.explain(code)))
                    .append("</span></p><p class=\"message\">").append(esc(message)).append("</p></div>");
        }
    }

    private void downloads(StringBuilder b, String messageId, boolean status, boolean payload, boolean mdn) {
        b.append("<h2>Objects</h2><p class=\"downloads\">");
        for (String[] o : new String[][] {{"payload", payload ? "y" : ""}, {"status", status ? "y" : ""},
                {"mdn", mdn ? "y" : ""}}) {
            if (!o[1].isEmpty() || "payload".equals(o[0])) {
                b.append("<a id=\"download-").append(o[0]).append("\" href=\"").append(root)
                        .append("/download?what=").append(o[0]).append("&messageId=").append(url(messageId))
                        .append("\">").append(o[0]).append("</a> ");
            }
        }
        b.append("</p>");
    }

    private static void statusJson(StringBuilder b, String json) {
        if (json != null) {
            b.append("<h2>Status JSON</h2><pre id=\"status-json\">").append(esc(json)).append("</pre>");
        }
    }

    private void actionLink(StringBuilder b, String action, String label, String target) {
        b.append("<a class=\"action\" id=\"action-").append(action).append("\" href=\"").append(root)
                .append("/confirm?action=").append(action).append("&target=").append(url(target)).append("\">")
                .append(esc(label)).append("</a> ");
    }

    private static void audit(StringBuilder b, List<TransferHistory.AuditEntry> audits) {
        if (audits.isEmpty()) {
            return;
        }
        b.append("<h2>Actions taken</h2><ul id=\"audit\">");
        for (TransferHistory.AuditEntry e : audits) {
            b.append("<li>").append(time(e.at())).append(" ").append(esc(e.user())).append(" ")
                    .append(esc(e.action())).append(": ").append(esc(e.outcome())).append("</li>");
        }
        b.append("</ul>");
    }

    private static void fact(StringBuilder b, String name, Object value) {
        b.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    String confirm(ConsoleSessions.Session s, String action, String target, String question) {
        return Html.page(root, "Confirm", s, "<p id=\"question\">" + esc(question) + "</p><form method=\"post\""
                + " action=\"" + root + "/actions/" + esc(action) + "\">" + Html.csrf(s)
                + "<input type=\"hidden\" name=\"target\" value=\"" + esc(target) + "\">"
                + "<button type=\"submit\" id=\"confirm\">Confirm</button> <a href=\"" + root
                + "/transfers\">Cancel</a></form>");
    }

    String done(ConsoleSessions.Session s, String message, String link) {
        return Html.page(root, "Done", s, "<p id=\"done\">" + esc(message) + "</p>" + link);
    }

    String partners(ConsoleSessions.Session s, List<ConsoleData.PartnerView> partners, List<Server> servers) {
        StringBuilder b = new StringBuilder();
        b.append("<h2>Servers</h2><table id=\"servers\"><thead><tr><th>ServerId</th><th>State</th><th></th></tr>"
                + "</thead><tbody>");
        for (Server sv : servers) {
            boolean online = sv.isOnline();
            b.append("<tr><td>").append(esc(sv.getServerId())).append("</td><td class=\"state\">")
                    .append(esc(sv.getState())).append("</td><td>");
            actionLink(b, online ? "stop-server" : "start-server", online ? "Stop" : "Start", sv.getServerId());
            b.append("</td></tr>");
        }
        b.append("</tbody></table>");
        for (ConsoleData.PartnerView p : partners) {
            b.append("<section class=\"partner\" id=\"partner-").append(esc(p.profile().getProfileId()))
                    .append("\"><h2>").append(esc(p.profile().getAs2Id())).append(" <small>")
                    .append(esc(p.profile().getProfileId())).append("</small></h2>");
            b.append("<p>Agreements: ");
            for (Agreement a : p.agreements()) {
                b.append(esc(a.getAgreementId())).append(" (server ").append(esc(a.getServerId())).append(", ")
                        .append(esc(a.getStatus())).append(") ");
            }
            b.append("</p><table><thead><tr><th></th><th>Last success</th><th>Last failure</th><th>Failure rate"
                    + " 24 h</th><th>Last connect</th></tr></thead><tbody>");
            activityRow(b, "in from " + p.profile().getAs2Id(), p.inbound(), false);
            for (ConsoleData.ConnectorView c : p.connectors()) {
                activityRow(b, "out via " + c.connector().getConnectorId() + " " + c.connector().getUrl(),
                        c.activity(), true);
            }
            b.append("</tbody></table></section>");
        }
        return Html.page(root, "Partners", s, b.toString());
    }

    private static void activityRow(StringBuilder b, String what, TransferHistory.Activity a, boolean connect) {
        b.append("<tr><td>").append(esc(what)).append("</td><td>").append(time(a.lastSuccess())).append("</td><td>")
                .append(time(a.lastFailure())).append(a.lastFailureCode() == null ? "" : " "
                        + esc(a.lastFailureCode())).append("</td><td class=\"rate\">")
                .append(a.finished() == 0 ? "no transfers" : String.format(java.util.Locale.ROOT, "%.0f%% of %d",
                        100 * a.failureRate(), a.finished())).append("</td><td>")
                .append(connect ? esc(a.lastConnect() == null ? "never" : a.lastConnect() + " at "
                        + time(a.lastConnectAt())) : "").append("</td></tr>");
    }

    String certificates(ConsoleSessions.Session s, List<ConsoleData.CertificateView> certs, Instant now) {
        StringBuilder b = new StringBuilder();
        b.append("<table id=\"certificates\"><thead><tr><th>CertificateId</th><th>Usage</th><th>Status</th>"
                + "<th>Profiles</th><th>ActiveDate</th><th>InactiveDate</th><th>NotAfter</th><th>Days left</th>"
                + "<th>In use</th></tr></thead><tbody>");
        for (ConsoleData.CertificateView v : certs) {
            var c = v.certificate();
            b.append("<tr class=\"").append(v.expiryClass()).append("\" id=\"cert-").append(esc(c.getCertificateId()))
                    .append("\"><td>").append(esc(c.getCertificateId())).append("</td><td>").append(esc(c.getUsage()))
                    .append("</td><td>").append(esc(c.getStatus())).append("</td><td>")
                    .append(esc(String.join(", ", v.profileIds()))).append("</td><td>").append(time(c.getActiveDate()))
                    .append("</td><td>").append(time(c.getInactiveDate())).append("</td><td>")
                    .append(time(c.getNotAfterDate())).append("</td><td class=\"days\">")
                    .append(v.daysToExpiry() == Long.MAX_VALUE ? "" : v.daysToExpiry()).append("</td><td>")
                    .append(v.usedNow() ? "<span class=\"now\">in use now</span>" : "").append("</td></tr>");
        }
        b.append("</tbody></table><h2>Rotation timeline</h2>").append(Charts.timeline(certs, now));
        b.append("<p class=\"legend\"><span class=\"expired\">expired</span> <span class=\"soon\">under 30 days"
                + "</span> <span class=\"fine\">fine</span></p>");
        return Html.page(root, "Certificates", s, b.toString());
    }

    String throughput(ConsoleSessions.Session s, String range, List<TransferHistory.Bucket> buckets,
                      Map<String, Long> failures) {
        StringBuilder b = new StringBuilder("<p class=\"ranges\">");
        for (String r : new String[] {"hour", "day", "week"}) {
            b.append("<a id=\"range-").append(r).append("\" href=\"").append(root).append("/throughput?range=")
                    .append(r).append("\"").append(r.equals(range) ? " class=\"current\"" : "").append(">last ")
                    .append(r).append("</a> ");
        }
        b.append("</p><h2>Messages per ").append(esc(Charts.bucketName(range))).append("</h2>")
                .append(Charts.bars("messages", buckets, false));
        b.append("<h2>Bytes received per ").append(esc(Charts.bucketName(range))).append("</h2>")
                .append(Charts.bars("bytes", buckets, true));
        b.append("<h2>Failures by code</h2><table id=\"failures\"><tbody>");
        failures.forEach((code, n) -> b.append("<tr><td>").append(esc(code)).append("</td><td>").append(n)
                .append("</td><td>").append(esc(FailureTexts.explain(code))).append("</td></tr>"));
        b.append("</tbody></table>");
        return Html.page(root, "Throughput", s, b.toString());
    }

    String audit(ConsoleSessions.Session s, List<TransferHistory.AuditEntry> entries) {
        StringBuilder b = new StringBuilder("<table id=\"audit-log\"><thead><tr><th>When</th><th>Who</th>"
                + "<th>What</th><th>Target</th><th>Outcome</th></tr></thead><tbody>");
        for (TransferHistory.AuditEntry e : entries) {
            b.append("<tr><td>").append(time(e.at())).append("</td><td>").append(esc(e.user())).append("</td><td>")
                    .append(esc(e.action())).append("</td><td>").append(esc(e.target())).append("</td><td>")
                    .append(esc(e.outcome())).append("</td></tr>");
        }
        return Html.page(root, "Audit", s, b.append("</tbody></table>").toString());
    }

    String message(ConsoleSessions.Session s, String title, String text) {
        return Html.page(root, title, s, "<p class=\"error\" id=\"message\">" + esc(text) + "</p>");
    }
}
