package io.transferas2.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * AWS's own description of the Transfer API: botocore's {@code service-2.json}, shipped byte for byte with the
 * component (see {@code refresh-service-model.sh}). Requests are validated against its shapes, so the API refuses
 * what AWS refuses, with AWS's error types.
 */
public final class ServiceModel {
    static final String RESOURCE = "/io/transferas2/api/transfer-service-2.json.gz";
    private static volatile ServiceModel bundled;

    private final JsonNode root;

    private ServiceModel(JsonNode root) {
        this.root = root;
    }

    /** The model shipped with the component. */
    public static ServiceModel bundled() {
        ServiceModel model = bundled;
        if (model == null) {
            try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                model = read(new GZIPInputStream(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = model;
        }
        return model;
    }

    /** A model read from a {@code service-2.json} stream (not gzipped). */
    public static ServiceModel read(InputStream json) throws IOException {
        return new ServiceModel(new ObjectMapper().readTree(json));
    }

    /** A model from its parsed JSON, e.g. a deliberately broken copy in a test. */
    public static ServiceModel of(JsonNode root) {
        return new ServiceModel(root);
    }

    public JsonNode shape(String name) {
        JsonNode shape = root.path("shapes").get(name);
        if (shape == null) {
            throw new IllegalArgumentException("The service model has no shape " + name);
        }
        return shape;
    }

    public boolean hasOperation(String operation) {
        return root.path("operations").has(operation);
    }

    /** The input shape of an operation. */
    public Optional<String> inputShape(String operation) {
        return text(root.path("operations").path(operation).path("input").path("shape"));
    }

    /** The output shape of an operation; empty for operations that answer nothing. */
    public Optional<String> outputShape(String operation) {
        return text(root.path("operations").path(operation).path("output").path("shape"));
    }

    /** The error shapes an operation declares. */
    public List<String> errors(String operation) {
        List<String> errors = new ArrayList<>();
        root.path("operations").path(operation).path("errors").forEach(e -> errors.add(e.path("shape").asText()));
        return errors;
    }

    /** Every operation name. */
    public List<String> operations() {
        List<String> names = new ArrayList<>();
        root.path("operations").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
