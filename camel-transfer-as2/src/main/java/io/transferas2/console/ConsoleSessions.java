package io.transferas2.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in operators, in memory (a restart logs everyone out). A session ID and its CSRF token are 256 random bits
 * each; a session ends after {@code idle} without a request.
 */
public final class ConsoleSessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    /** One logged-in operator. */
    public static final class Session {
        private final String id;
        private final String user;
        private final ConsoleUsers.Role role;
        private final String csrfToken;
        private volatile Instant lastSeen;

        Session(String id, String user, ConsoleUsers.Role role, String csrfToken, Instant now) {
            this.id = id;
            this.user = user;
            this.role = role;
            this.csrfToken = csrfToken;
            this.lastSeen = now;
        }

        public String id() {
            return id;
        }

        public String user() {
            return user;
        }

        public ConsoleUsers.Role role() {
            return role;
        }

        public String csrfToken() {
            return csrfToken;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    public ConsoleSessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    public Session open(String user, ConsoleUsers.Role role) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> s.lastSeen.plus(idle).isBefore(now));
        }
        Session s = new Session(token(), user, role, token(), now);
        sessions.put(s.id, s);
        return s;
    }

    /** The live session with this ID; touching it extends it. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (s.lastSeen.plus(idle).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public Duration idle() {
        return idle;
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Compares tokens in constant time. */
    static boolean same(String expected, String given) {
        return expected != null && given != null && java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
