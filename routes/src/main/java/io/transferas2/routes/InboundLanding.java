package io.transferas2.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.inbound.Landing;
import io.transferas2.model.Agreement;
import io.transferas2.registry.Page;
import io.transferas2.transfer.StoragePath;

/**
 * Temporary landing of received payloads (issue 15 item 10). The payload is uploaded to a unique key under the
 * agreement's temporary directory ({@link Landing#temporaryDirectory}), copied server-side to its final key only when
 * the MDN decision is positive, and the temporary object is removed when the receipt ends, whatever the outcome. An
 * upload abandoned by a failed request (a hung S3) can so only ever complete under a temporary key, never in
 * {@code processed/}. What a crash leaves behind is removed by {@link #sweep}: temporary objects and incomplete
 * multipart uploads under the temporary directories older than a bound, and a promoted payload whose status JSON was
 * never written (the partner got no positive MDN for it; its resend lands it again).
 */
public class InboundLanding {
    /** S3's largest single CopyObject; bigger objects are copied in parts. */
    static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;
    static final String META_FINAL = "transfer-as2-final";
    static final String META_STATUS = "transfer-as2-status";
    private static final String TEMPORARY = "transferAs2.temporary";
    private static final String PROMOTED = "transferAs2.promoted";
    private static final Logger LOG = LoggerFactory.getLogger(InboundLanding.class);

    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private S3Client s3Client;
    private long copyPartSize = 512L * 1024 * 1024;

    public void setS3Client(S3Client s3Client) {
        this.s3Client = s3Client;
    }

    public void setCopyPartSize(long copyPartSize) {
        this.copyPartSize = copyPartSize;
    }

    /** Points the next aws2-s3 step at a fresh temporary key for the payload, tagged with where it belongs. */
    public void toTemporary(Exchange exchange) {
        Message m = exchange.getMessage();
        StoragePath target = new StoragePath(m.getHeader(TransferAs2Constants.PAYLOAD_BUCKET, String.class),
                m.getHeader(TransferAs2Constants.PAYLOAD_KEY, String.class));
        Agreement agreement = agreement(exchange);
        StoragePath temporary = StoragePath.of(Landing.temporaryDirectory(agreement),
                target.fileName() + "." + UUID.randomUUID() + ".tmp");
        exchange.setProperty(TEMPORARY, temporary);
        new S3Objects().object(exchange, temporary.bucket(), temporary.key(),
                m.getHeader(TransferAs2Constants.CONTENT_TYPE, String.class));
        Map<String, String> metadata = new HashMap<>();
        metadata.put(META_FINAL, target.toString());
        String statusKey = m.getHeader(TransferAs2Constants.STATUS_KEY, String.class);
        if (statusKey != null) {
            metadata.put(META_STATUS, new StoragePath(m.getHeader(TransferAs2Constants.STATUS_BUCKET, String.class),
                    statusKey).toString());
        }
        m.setHeader("CamelAwsS3Metadata", metadata);
    }

    /** Copies the temporary object to the payload's final key (server-side; in parts beyond 5 GiB). */
    public void promote(Exchange exchange) {
        StoragePath temporary = exchange.getProperty(TEMPORARY, StoragePath.class);
        Message m = exchange.getMessage();
        StoragePath target = new StoragePath(m.getHeader(TransferAs2Constants.PAYLOAD_BUCKET, String.class),
                m.getHeader(TransferAs2Constants.PAYLOAD_KEY, String.class));
        long size = s3Client.headObject(b -> b.bucket(temporary.bucket()).key(temporary.key())).contentLength();
        exchange.setProperty(PROMOTED, target);
        if (size <= MAX_SINGLE_COPY) {
            s3Client.copyObject(b -> b.sourceBucket(temporary.bucket()).sourceKey(temporary.key())
                    .destinationBucket(target.bucket()).destinationKey(target.key()));
        } else {
            copyInParts(temporary, target, size);
        }
    }

    private void copyInParts(StoragePath from, StoragePath to, long size) {
        String uploadId = s3Client.createMultipartUpload(b -> b.bucket(to.bucket()).key(to.key())).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long start = 0; start < size; start += copyPartSize, number++) {
                long end = Math.min(size, start + copyPartSize) - 1;
                int partNumber = number;
                String range = "bytes=" + start + "-" + end;
                String etag = s3Client.uploadPartCopy(b -> b.sourceBucket(from.bucket()).sourceKey(from.key())
                        .destinationBucket(to.bucket()).destinationKey(to.key()).uploadId(uploadId)
                        .partNumber(partNumber).copySourceRange(range)).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3Client.completeMultipartUpload(b -> b.bucket(to.bucket()).key(to.key()).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (RuntimeException e) {
            abortQuietly(to, uploadId);
            throw e;
        }
    }

    /** The receipt is stored: the temporary object goes (a failure here only leaves work for the sweep). */
    public void finish(Exchange exchange) {
        StoragePath temporary = exchange.getProperty(TEMPORARY, StoragePath.class);
        if (temporary != null) {
            deleteQuietly(temporary);
        }
    }

    /**
     * The receipt failed after the payload was written: the promoted copy (and an MDN file written before the status
     * JSON failed) and the temporary object are removed, then the failure goes on to the consumer, which answers the
     * partner with an error MDN.
     */
    public void abandon(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        StoragePath promoted = exchange.getProperty(PROMOTED, StoragePath.class);
        if (promoted != null) {
            deleteQuietly(promoted);
            Message m = exchange.getMessage();
            String mdnKey = m.getHeader(TransferAs2Constants.MDN_KEY, String.class);
            if (mdnKey != null) {
                deleteQuietly(new StoragePath(m.getHeader(TransferAs2Constants.MDN_BUCKET, String.class), mdnKey));
            }
        }
        finish(exchange);
        if (cause != null) {
            throw cause;
        }
    }

    /**
     * Removes what interrupted receipts left under the temporary directories of {@code serverId}'s agreements:
     * temporary objects and multipart uploads older than {@code maxAgeMillis}, and the promoted payload of a temporary
     * object whose status JSON does not exist. Errors (S3 down) are logged; the next run tries again.
     *
     * @return the number of objects and uploads removed
     */
    public int sweep(Exchange exchange, String serverId, long maxAgeMillis) {
        Instant before = Instant.now().minus(Duration.ofMillis(maxAgeMillis));
        int removed = 0;
        for (String directory : temporaryDirectories(exchange.getContext(), serverId)) {
            StoragePath dir = StoragePath.of(directory, "x");
            String prefix = dir.key().substring(0, dir.key().length() - 1);
            try {
                removed += sweepObjects(dir.bucket(), prefix, before);
                removed += sweepUploads(dir.bucket(), prefix, before);
            } catch (SdkException e) {
                LOG.warn("could not clean temporary directory {}: {}", directory, e.getMessage());
            }
        }
        if (removed > 0) {
            LOG.info("removed {} temporary objects and multipart uploads left by interrupted receipts", removed);
        }
        return removed;
    }

    private int sweepObjects(String bucket, String prefix, Instant before) {
        int removed = 0;
        for (S3Object object : s3Client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            if (!object.lastModified().isBefore(before)) {
                continue;
            }
            StoragePath temporary = new StoragePath(bucket, object.key());
            removeUnconfirmedPayload(temporary);
            deleteQuietly(temporary);
            removed++;
        }
        return removed;
    }

    /** A payload promoted before a crash, without its status JSON, was never acknowledged: it goes. */
    private void removeUnconfirmedPayload(StoragePath temporary) {
        HeadObjectResponse head;
        try {
            head = s3Client.headObject(b -> b.bucket(temporary.bucket()).key(temporary.key()));
        } catch (NoSuchKeyException e) {
            return;
        }
        String finalPath = head.metadata().get(META_FINAL);
        String statusPath = head.metadata().get(META_STATUS);
        if (finalPath == null || statusPath == null) {
            return;
        }
        StoragePath status = StoragePath.parse(statusPath);
        if (!exists(status)) {
            StoragePath target = StoragePath.parse(finalPath);
            if (exists(target)) {
                LOG.warn("removing {}: its receipt was interrupted before the status JSON {} was written, so the"
                         + " partner got no positive MDN for it", target, status);
                deleteQuietly(target);
            }
        }
    }

    private int sweepUploads(String bucket, String prefix, Instant before) {
        int removed = 0;
        ListMultipartUploadsResponse page;
        try {
            page = s3Client.listMultipartUploads(b -> b.bucket(bucket).prefix(prefix));
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                return 0; // an S3 API without the operation keeps no incomplete uploads to list
            }
            throw e;
        }
        Instant now = Instant.now();
        for (MultipartUpload upload : page.uploads()) {
            // some S3 APIs (S3Proxy) report the time of the listing as Initiated: the first sighting is the bound then
            Instant seen = firstSeen.computeIfAbsent(upload.uploadId(), id -> now);
            Instant initiated = upload.initiated() == null || upload.initiated().isAfter(seen) ? seen
                    : upload.initiated();
            if (initiated.isBefore(before)) {
                abortQuietly(new StoragePath(bucket, upload.key()), upload.uploadId());
                firstSeen.remove(upload.uploadId());
                removed++;
            }
        }
        return removed;
    }

    private List<String> temporaryDirectories(CamelContext context, String serverId) {
        TransferAs2Component component = context.getComponent("transfer-as2", TransferAs2Component.class);
        List<String> directories = new ArrayList<>();
        String token = null;
        do {
            Page<Agreement> page = component.transferRegistry().listAgreements(serverId, null, token);
            page.items().forEach(a -> {
                String dir = Landing.temporaryDirectory(a);
                if (!directories.contains(dir)) {
                    directories.add(dir);
                }
            });
            token = page.nextToken();
        } while (token != null);
        return directories;
    }

    private Agreement agreement(Exchange exchange) {
        TransferAs2Component component = exchange.getContext().getComponent("transfer-as2",
                TransferAs2Component.class);
        Message m = exchange.getMessage();
        return component.transferRegistry().describeAgreement(
                m.getHeader(TransferAs2Constants.AGREEMENT_ID, String.class),
                m.getHeader(TransferAs2Constants.SERVER_ID, String.class));
    }

    private boolean exists(StoragePath path) {
        try {
            s3Client.headObject(b -> b.bucket(path.bucket()).key(path.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void deleteQuietly(StoragePath path) {
        try {
            s3Client.deleteObject(b -> b.bucket(path.bucket()).key(path.key()));
        } catch (SdkException e) {
            LOG.warn("could not remove {} (the temporary-directory sweep retries): {}", path, e.getMessage());
        }
    }

    private void abortQuietly(StoragePath path, String uploadId) {
        try {
            s3Client.abortMultipartUpload(b -> b.bucket(path.bucket()).key(path.key()).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warn("could not abort the multipart upload of {}: {}", path, e.getMessage());
        }
    }
}
