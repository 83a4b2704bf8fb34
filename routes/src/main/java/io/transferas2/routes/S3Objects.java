package io.transferas2.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Points the next aws2-s3 step at one object: clears the aws2-s3 headers left by earlier steps and sets bucket, key
 * and (when given) content type. The one place the route pack's S3 header block lives.
 */
public class S3Objects {
    static final String S3_CONTENT_TYPE = "CamelAwsS3ContentType";

    /**
     * @param bucket      the object's bucket
     * @param key         its key
     * @param contentType its content type for a write, or null
     */
    public void object(Exchange exchange, String bucket, String key, String contentType) {
        Message m = exchange.getMessage();
        m.removeHeaders("CamelAwsS3*");
        m.setHeader(RouteHeaders.S3_OVERRIDE_BUCKET, bucket);
        m.setHeader(RouteHeaders.S3_KEY, key);
        if (contentType != null) {
            m.setHeader(S3_CONTENT_TYPE, contentType);
        }
    }
}
