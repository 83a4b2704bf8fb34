package io.transferas2.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads configuration values that may be given literally, as a placeholder, or as a {@code file:} or
 * {@code classpath:} reference. Relative files resolve against the registry file's directory. Error messages name the
 * reference, never the content.
 */
public final class ValueReferences {
    /** Upper bound for referenced key and certificate files: they are small, a huge file is a mistake. */
    private static final int MAX_REFERENCED_BYTES = 4 * 1024 * 1024;

    private ValueReferences() {
    }

    public static boolean isReference(String value) {
        return value != null && (value.startsWith("file:") || value.startsWith("classpath:")
                || SecretResolver.isPlaceholder(value));
    }

    /** The text a value stands for. */
    public static String text(String field, String value, Path baseDir, SecretResolver secrets) {
        return new String(bytes(field, value, baseDir, secrets), StandardCharsets.UTF_8);
    }

    /** The bytes a value stands for (keystores are binary). */
    public static byte[] bytes(String field, String value, Path baseDir, SecretResolver secrets) {
        if (value.startsWith("file:")) {
            Path path = resolvePath(value.substring("file:".length()), baseDir);
            try {
                if (Files.size(path) > MAX_REFERENCED_BYTES) {
                    throw new InvalidRequestException(field + ": " + value + " is larger than 4 MiB");
                }
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new InvalidRequestException(field + ": cannot read " + value + " (" + e.getClass().getSimpleName()
                        + ")");
            }
        }
        if (value.startsWith("classpath:")) {
            String name = value.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = (loader != null ? loader : ValueReferences.class.getClassLoader())
                    .getResourceAsStream(name)) {
                if (in == null) {
                    throw new InvalidRequestException(field + ": " + value + " is not on the classpath");
                }
                return in.readNBytes(MAX_REFERENCED_BYTES);
            } catch (IOException e) {
                throw new InvalidRequestException(field + ": cannot read " + value);
            }
        }
        if (SecretResolver.isPlaceholder(value)) {
            try {
                return secrets.resolve(value).getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                throw new InvalidRequestException(field + ": placeholder " + value.trim() + " could not be resolved");
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** A secret that must be a placeholder (never clear text in a file); null stays null. */
    public static char[] password(String field, String value, SecretResolver secrets, boolean requirePlaceholder) {
        if (value == null) {
            return null;
        }
        if (SecretResolver.isPlaceholder(value)) {
            try {
                return secrets.resolve(value).toCharArray();
            } catch (RuntimeException e) {
                throw new InvalidRequestException(field + ": placeholder " + value.trim() + " could not be resolved");
            }
        }
        if (requirePlaceholder) {
            throw new InvalidRequestException(field + " must be a property placeholder such as {{env:AS2_KEY_PASSWORD}};"
                    + " clear-text secrets are not accepted in the registry file");
        }
        return value.toCharArray();
    }

    static Path resolvePath(String path, Path baseDir) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }
}
