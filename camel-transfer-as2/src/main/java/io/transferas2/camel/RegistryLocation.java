package io.transferas2.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

import io.transferas2.registry.InvalidRequestException;

/**
 * Where the component's {@code registryFile} option points: {@code file:path}, a bare path (the file system), or
 * {@code classpath:name} (resolved through Camel's resource loader, so it works in an exported jar, under Spring Boot
 * and in OSGi bundles). A bare path that is missing on disk but present on the classpath is taken from there, which is
 * where {@code camel export} puts it.
 */
final class RegistryLocation {
    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private RegistryLocation() {
    }

    /**
     * The file to open. A classpath resource inside a jar is copied to a private temporary file first (read-only
     * use); {@code persistChanges} needs a file on disk and refuses a classpath location.
     */
    static Path resolve(CamelContext context, String location, boolean persistChanges) {
        String value = location.strip();
        if (value.startsWith(FILE)) {
            return Path.of(value.substring(FILE.length()));
        }
        if (value.startsWith(CLASSPATH)) {
            if (persistChanges) {
                throw new IllegalArgumentException("registryFile " + value + " is on the classpath, which is"
                        + " read-only: persistRegistryChanges needs a registry file on the file system (file:...)");
            }
            Resource resource = PluginHelper.getResourceLoader(context).resolveResource(value);
            if (resource == null || !resource.exists()) {
                throw new InvalidRequestException("Registry file " + value + " is not on the classpath");
            }
            return onDisk(resource, value);
        }
        Path path = Path.of(value);
        if (!persistChanges && !Files.exists(path) && !path.isAbsolute()) {
            Resource resource = PluginHelper.getResourceLoader(context).resolveResource(CLASSPATH + value);
            if (resource != null && resource.exists()) {
                return onDisk(resource, value);
            }
        }
        return path;
    }

    /** The resource's own file when it is one (an exploded classpath), else a private copy. */
    private static Path onDisk(Resource resource, String location) {
        try {
            URL url = resource.getURL();
            if (url != null && "file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            // not addressable as a file: copy it below
        }
        String name = Path.of(location.substring(location.indexOf(':') + 1)).getFileName().toString();
        try {
            Path dir = Files.createTempDirectory("transfer-as2-registry");
            Path copy = dir.resolve(name);
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registry file " + location, e);
        }
    }
}
