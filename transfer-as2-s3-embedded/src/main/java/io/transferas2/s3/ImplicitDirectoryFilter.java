package io.transferas2.s3;

import java.util.ArrayList;
import java.util.List;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.MutableStorageMetadata;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.domain.internal.MutableStorageMetadataImpl;
import org.jclouds.blobstore.domain.internal.PageSetImpl;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * Hides the directories jclouds' filesystem backend reports as objects. Storing {@code partner/po.edi} creates the
 * directory {@code partner}, which the backend then lists as a zero-byte object {@code partner/}; real S3 lists only
 * {@code partner/po.edi}. Left alone, an {@code aws2-s3} consumer would pick up {@code partner/} as a file. Directory
 * markers a client created on purpose (a {@code PUT} of {@code partner/}) are real objects and stay listed, as do
 * common prefixes of delimiter listings.
 */
final class ImplicitDirectoryFilter extends ForwardingBlobStore {

    ImplicitDirectoryFilter(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container) {
        return list(container, ListContainerOptions.NONE);
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
        PageSet<? extends StorageMetadata> page = delegate().list(container, options);
        boolean delimited = options.getDelimiter() != null || !options.isRecursive();
        List<StorageMetadata> kept = new ArrayList<>(page.size());
        boolean changed = false;
        for (StorageMetadata entry : page) {
            if (isInFlightTempFile(entry)) {
                changed = true;
            } else if (!isImplicitDirectory(container, entry)) {
                kept.add(entry);
            } else {
                changed = true;
                if (delimited) {
                    // the backend listed the directory itself where S3 reports a common prefix
                    kept.add(commonPrefix(entry.getName()));
                }
            }
        }
        return changed ? new PageSetImpl<>(kept, page.getNextMarker()) : page;
    }

    private static StorageMetadata commonPrefix(String name) {
        MutableStorageMetadata prefix = new MutableStorageMetadataImpl();
        prefix.setType(StorageType.RELATIVE_PATH);
        prefix.setName(name);
        return prefix;
    }

    /**
     * jclouds writes an object to {@code <key>-<random UUID>} and renames it when complete; a listing in between
     * would show that name, which real S3 never does (a client reading it gets 404 a moment later). Such names are
     * hidden, so keys ending in {@code -<UUID>} are not listed by the embedded server.
     */
    private static boolean isInFlightTempFile(StorageMetadata entry) {
        return entry.getType() != StorageType.RELATIVE_PATH && entry.getName() != null
               && IN_FLIGHT.matcher(entry.getName()).matches();
    }

    private static final java.util.regex.Pattern IN_FLIGHT = java.util.regex.Pattern.compile(
            ".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private boolean isImplicitDirectory(String container, StorageMetadata entry) {
        return entry.getType() != StorageType.RELATIVE_PATH && entry.getName() != null
               && entry.getName().endsWith("/")
               // the backend reports an explicit marker as an existing blob (it carries a content MD5)
               && !delegate().blobExists(container, entry.getName());
    }
}
