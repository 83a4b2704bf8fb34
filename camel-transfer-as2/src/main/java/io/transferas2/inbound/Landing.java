package io.transferas2.inbound;

import java.util.UUID;

import io.transferas2.model.Agreement;
import io.transferas2.model.CustomDirectories;
import io.transferas2.transfer.StoragePath;

/**
 * Where one inbound file belongs in AWS's layout, computed from the agreement (spec §2.3, §2.4).
 *
 * <p>BaseDirectory mode: success goes to {@code <base>/processed/<name>.<messageId>.<ext>} (or
 * {@code <base>/processed/<name>} with PreserveFilename ENABLED), with {@code .json} and {@code .mdn} appended for the
 * status file and the MDN beside it; failure goes to {@code <base>/failed/} under the same name, or
 * {@code <uuid>.<messageId>} when the file name is unknown. A decoded message without a file name is named
 * {@code <messageId>}. The status file's {@code file-path} is relative to the base directory.
 *
 * <p>CustomDirectories mode: the payload goes to PayloadFilesDirectory (FailedFilesDirectory on failure), the MDN to
 * MdnFilesDirectory and the status JSON to StatusFilesDirectory, always, also for failures (AWS does not say; we keep
 * every status file in one place). {@code file-path} is then the absolute {@code /bucket/key}, as there is no base.
 *
 * @param payload  where the payload (or, on failure, the raw message) goes
 * @param status   where the status JSON goes
 * @param mdn      where the MDN goes
 * @param filePath the status file's {@code file-path}
 */
public record Landing(StoragePath payload, StoragePath status, StoragePath mdn, String filePath) {

    /**
     * Where a payload under {@code agreement} is written before the MDN decision, as {@code /bucket[/prefix]}: the
     * TemporaryFilesDirectory in CustomDirectories mode, {@code <base>/temp} in BaseDirectory mode (AWS names no
     * temporary folder for inbound files there; this one stays inside the agreement's directory). Only after the
     * decision is positive is it copied to its {@link #payload()} location, so nothing half-written or abandoned ever
     * appears there.
     */
    public static String temporaryDirectory(Agreement agreement) {
        CustomDirectories custom = agreement.getCustomDirectories();
        if (custom != null && agreement.getBaseDirectory() == null) {
            return custom.getTemporaryFilesDirectory();
        }
        String base = agreement.getBaseDirectory();
        return (base.endsWith("/") ? base : base + "/") + "temp";
    }

    /**
     * The targets for a message under {@code agreement}.
     *
     * @param fileName  the sanitised partner file name, or null when unknown
     * @param messageId the Message-ID (angle brackets are removed)
     * @param failed    true for the failed/ targets
     * @param decoded   true when the payload was decoded (a missing name then becomes the Message-ID)
     */
    public static Landing of(Agreement agreement, String fileName, String messageId, boolean failed,
                             boolean decoded) {
        String id = FileNames.messageIdForKey(messageId);
        String name;
        if (fileName == null) {
            name = decoded ? id : UUID.randomUUID() + "." + id;
        } else if (agreement.preservesFilename()) {
            name = fileName;
        } else {
            name = FileNames.insertBeforeExtension(fileName, id);
        }
        CustomDirectories custom = agreement.getCustomDirectories();
        if (custom != null && agreement.getBaseDirectory() == null) {
            StoragePath payload = StoragePath.of(failed ? custom.getFailedFilesDirectory()
                    : custom.getPayloadFilesDirectory(), name);
            return new Landing(payload, StoragePath.of(custom.getStatusFilesDirectory(), name + ".json"),
                    StoragePath.of(custom.getMdnFilesDirectory(), name + ".mdn"), payload.toString());
        }
        String relative = (failed ? "failed/" : "processed/") + name;
        String base = agreement.getBaseDirectory();
        return new Landing(StoragePath.of(base, relative), StoragePath.of(base, relative + ".json"),
                StoragePath.of(base, relative + ".mdn"), relative);
    }
}
