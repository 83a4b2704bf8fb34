package io.transferas2.s3;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobAccess;
import org.jclouds.blobstore.domain.ContainerAccess;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * Makes every bucket and object private, whatever the files' permissions say. jclouds' filesystem backend reports a
 * world-readable file or directory as public-read, and S3Proxy then serves it without a signature: a payload copied
 * into the data directory with mode 644 would download anonymously. With this filter every request must be signed.
 */
final class PrivateAccess extends ForwardingBlobStore {

    PrivateAccess(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public ContainerAccess getContainerAccess(String container) {
        return ContainerAccess.PRIVATE;
    }

    @Override
    public void setContainerAccess(String container, ContainerAccess access) {
        // ACL changes would make objects public again; they are refused silently, as the station never makes any
    }

    @Override
    public BlobAccess getBlobAccess(String container, String name) {
        return BlobAccess.PRIVATE;
    }

    @Override
    public void setBlobAccess(String container, String name, BlobAccess access) {
        // see setContainerAccess
    }
}
