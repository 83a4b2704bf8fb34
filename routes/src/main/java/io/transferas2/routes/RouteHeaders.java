package io.transferas2.routes;

/** Headers and exchange properties the route pack adds to the component's ({@code TransferAs2Constants}). */
public final class RouteHeaders {
    /** Key of the in-flight marker of one outbound file under {@code <parent>/processing/}. */
    public static final String PROCESSING_KEY = "CamelTransferAs2ProcessingKey";
    /** Bucket of the source file (and of its marker and results). */
    public static final String SOURCE_BUCKET = "CamelTransferAs2SourceBucket";
    /** Key of the source file. */
    public static final String SOURCE_KEY = "CamelTransferAs2SourceKey";
    /** Exchange property: when the route started on the file (an Instant), the events' start-timestamp. */
    public static final String STARTED = "CamelTransferAs2Started";

    /** aws2-s3 headers the route pack sets on each write. */
    static final String S3_KEY = "CamelAwsS3Key";
    static final String S3_OVERRIDE_BUCKET = "CamelAwsS3OverrideBucketName";

    private RouteHeaders() {
    }
}
