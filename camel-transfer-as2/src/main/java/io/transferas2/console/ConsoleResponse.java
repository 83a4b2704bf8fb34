package io.transferas2.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the console answers: status, headers (Set-Cookie may repeat) and a body held in memory (pages are small). */
public final class ConsoleResponse {
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();

    private ConsoleResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public static ConsoleResponse html(int status, String html) {
        return new ConsoleResponse(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static ConsoleResponse json(int status, String json) {
        return new ConsoleResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static ConsoleResponse text(int status, String text) {
        return new ConsoleResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static ConsoleResponse bytes(String contentType, byte[] body) {
        return new ConsoleResponse(200, contentType, body);
    }

    /** A 303 to another page (after a POST, so reloading does not repeat it). */
    public static ConsoleResponse redirect(String location) {
        ConsoleResponse r = new ConsoleResponse(303, "text/plain; charset=utf-8", new byte[0]);
        r.header("Location", location);
        return r;
    }

    public ConsoleResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ConsoleResponse cookie(String setCookie) {
        cookies.add(setCookie);
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<String> cookies() {
        return cookies;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
