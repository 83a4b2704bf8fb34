package io.transferas2.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HTML building blocks; every value written into a page goes through {@link #esc}. */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A whole page: header with navigation and the user, then the body. */
    static String page(String root, String title, ConsoleSessions.Session session, String body) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append(" - transfer-as2 console</title><link rel=\"stylesheet\" href=\"").append(root)
                .append("/static/console.css\"></head><body><header><span class=\"brand\">transfer-as2</span>");
        if (session != null) {
            b.append("<nav><a href=\"").append(root).append("/transfers\">Transfers</a><a href=\"").append(root)
                    .append("/partners\">Partners</a><a href=\"").append(root)
                    .append("/certificates\">Certificates</a><a href=\"").append(root)
                    .append("/throughput\">Throughput</a><a href=\"").append(root).append("/audit\">Audit</a></nav>")
                    .append("<form class=\"logout\" method=\"post\" action=\"").append(root).append("/logout\">")
                    .append(csrf(session)).append("<span id=\"user\">").append(esc(session.user())).append(" (")
                    .append(esc(session.role().label())).append(")</span> <button type=\"submit\">Log out</button>")
                    .append("</form>");
        }
        b.append("</header><main><h1>").append(esc(title)).append("</h1>").append(body)
                .append("</main></body></html>");
        return b.toString();
    }

    static String csrf(ConsoleSessions.Session session) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(session.csrfToken()) + "\">";
    }
}
