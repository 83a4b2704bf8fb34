package io.transferas2.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.transferas2.model.Connector;
import io.transferas2.model.CustomHttpHeader;
import io.transferas2.model.FileTransferRequest;
import io.transferas2.model.ResourceKind;

/**
 * The rules of AWS {@code StartFileTransfer} for AS2 connectors, shared by the control-plane API and the connector
 * producer so that both accept exactly the same input.
 */
public final class FileTransferRules {
    /** AWS: at most 10 files per StartFileTransfer, not adjustable. */
    public static final int MAX_FILES = 10;
    /** AWS: each SendFilePaths entry is at most 1024 characters. */
    public static final int MAX_PATH = 1024;
    /** Our bound (AWS documents none): enough for any partner, small enough to keep requests bounded. */
    public static final int MAX_CUSTOM_HEADERS = 50;
    private static final Pattern HEADER_KEY = Pattern.compile("[a-zA-Z0-9-]{1,64}");
    private static final Pattern HEADER_VALUE = Pattern.compile("[a-zA-Z0-9 +\\-./:=@_]{0,256}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Set<String> SFTP_ONLY = Set.of("RetrieveFilePaths", "LocalDirectoryPath",
            "RemoteDirectoryPath");
    /**
     * Headers the AS2 message itself defines (RFC 4130, RFC 3798) or HTTP manages: a custom header must not replace
     * them, or the partner would see a message that contradicts its own signature and agreement.
     */
    private static final Set<String> RESERVED_HEADERS = Set.of("as2-from", "as2-to", "as2-version", "ediint-features",
            "message-id", "mime-version", "content-type", "content-length", "content-transfer-encoding",
            "content-disposition", "disposition-notification-to", "disposition-notification-options",
            "receipt-delivery-option", "subject", "from", "date", "host", "connection", "transfer-encoding",
            "expect", "authorization", "te", "trailer", "upgrade");

    private FileTransferRules() {
    }

    /**
     * Validates a StartFileTransfer request against the registry: the connector exists, the paths and headers follow
     * AWS's rules. Returns the connector.
     */
    public static Connector check(TransferRegistry registry, FileTransferRequest request) {
        if (request == null) {
            throw new InvalidRequestException("The StartFileTransfer request is empty");
        }
        for (String field : request.getUnmodelledFields().keySet()) {
            if (SFTP_ONLY.contains(field)) {
                throw new InvalidRequestException(field + " applies to SFTP connectors only; an AS2 connector sends"
                        + " the files of SendFilePaths");
            }
            throw new InvalidRequestException("StartFileTransfer: unknown field '" + field + "'");
        }
        String connectorId = request.getConnectorId();
        if (connectorId == null) {
            throw new InvalidRequestException("ConnectorId is required");
        }
        if (!ResourceKind.CONNECTOR.isValidId(connectorId)) {
            throw new InvalidRequestException("ConnectorId '" + connectorId + "' is not valid: expected c- followed"
                    + " by 17 lowercase hex characters");
        }
        checkSendFilePaths(request.getSendFilePaths());
        checkCustomHttpHeaders(request.getCustomHttpHeaders());
        return registry.describeConnector(connectorId);
    }

    /** SendFilePaths: 1-10 entries, each {@code /bucket/key} naming a file (not a directory). */
    public static void checkSendFilePaths(List<String> paths) {
        if (paths == null || paths.isEmpty() || paths.size() > MAX_FILES) {
            throw new InvalidRequestException("SendFilePaths must list 1-" + MAX_FILES + " files, got "
                    + (paths == null ? 0 : paths.size()));
        }
        for (String path : paths) {
            checkSendFilePath(path);
        }
    }

    /** One SendFilePaths entry: {@code /bucket/key}, at most 1024 characters, no {@code .} or {@code ..} segments. */
    public static void checkSendFilePath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH) {
            throw new InvalidRequestException("SendFilePaths: each path must be 1-" + MAX_PATH + " characters");
        }
        int keyStart = path.indexOf('/', 1);
        if (!path.startsWith("/") || keyStart < 0 || keyStart == path.length() - 1) {
            throw new InvalidRequestException("SendFilePaths: '" + path + "' must have the form /bucket/key");
        }
        String bucket = path.substring(1, keyStart);
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidRequestException("SendFilePaths: '" + bucket + "' in '" + path + "' is not a valid"
                    + " bucket name (3-63 lowercase letters, digits, dots and hyphens)");
        }
        if (path.endsWith("/")) {
            throw new InvalidRequestException("SendFilePaths: '" + path + "' names a directory; name a file");
        }
        for (String segment : path.substring(keyStart + 1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidRequestException("SendFilePaths: '" + path + "' must not contain . or .. segments");
            }
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidRequestException("SendFilePaths: '" + path.replaceAll("\\p{Cntrl}", "?")
                    + "' contains control characters");
        }
    }

    /**
     * CustomHttpHeaders, AWS's rules: Key {@code [a-zA-Z0-9-]{1,64}}, Value {@code [a-zA-Z0-9 +\-./:=@_]{0,256}}.
     * In addition a key may appear once (case-insensitively) and must not name a header the AS2 message or HTTP
     * defines, such as AS2-To or Content-Type. Null means no custom headers.
     */
    public static void checkCustomHttpHeaders(List<CustomHttpHeader> headers) {
        if (headers == null) {
            return;
        }
        if (headers.size() > MAX_CUSTOM_HEADERS) {
            throw new InvalidRequestException("CustomHttpHeaders: at most " + MAX_CUSTOM_HEADERS + " headers, got "
                    + headers.size());
        }
        Set<String> seen = new HashSet<>();
        for (CustomHttpHeader header : headers) {
            checkCustomHttpHeader(header);
            if (!seen.add(header.getKey().toLowerCase(Locale.ROOT))) {
                throw new InvalidRequestException("CustomHttpHeaders: Key '" + header.getKey() + "' appears twice");
            }
        }
    }

    /** One custom header; see {@link #checkCustomHttpHeaders(List)}. */
    public static void checkCustomHttpHeader(CustomHttpHeader header) {
        if (header == null || header.getKey() == null || !HEADER_KEY.matcher(header.getKey()).matches()) {
            throw new InvalidRequestException("CustomHttpHeaders: Key '" + (header == null ? null : header.getKey())
                    + "' must be 1-64 letters, digits or hyphens");
        }
        if (header.getValue() == null || !HEADER_VALUE.matcher(header.getValue()).matches()) {
            throw new InvalidRequestException("CustomHttpHeaders: Value of '" + header.getKey() + "' must be 0-256"
                    + " characters of letters, digits, space and + - . / : = @ _");
        }
        if (RESERVED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
            throw new InvalidRequestException("CustomHttpHeaders: '" + header.getKey() + "' is set by the AS2"
                    + " message itself and cannot be replaced");
        }
    }
}
