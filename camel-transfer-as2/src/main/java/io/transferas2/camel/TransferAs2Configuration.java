package io.transferas2.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Endpoint options of transfer-as2. Set at component level they become defaults for every endpoint; options on an
 * endpoint URI override them.
 */
@UriParams
public class TransferAs2Configuration implements Cloneable {
    /** Where StartFileTransfer hands requests to: the route pack's outbound route consumes it. */
    public static final String DEFAULT_START_FILE_TRANSFER_ENDPOINT = "direct:transfer-as2-start-file-transfer";

    // ---- control-plane API (transfer-as2:api) ----------------------------------------------------------------

    @UriParam(label = "consumer", defaultValue = "/",
              description = "transfer-as2:api only: the path the AWS Transfer JSON API is served on by the"
                            + " platform-http server; clients use it as --endpoint-url.")
    private String apiPath = "/";

    @UriParam(label = "security", secret = true,
              description = "transfer-as2:api only: the access key pairs whose AWS Signature V4 the API accepts,"
                            + " as AccessKeyId:SecretAccessKey, several separated by commas. Give secrets as"
                            + " placeholders, e.g. AKIAEXAMPLE:{{transfer.api.secret}} or ${env:TRANSFER_API_SECRET}.")
    private String accessKeys;

    @UriParam(label = "security",
              description = "transfer-as2:api only: access key IDs (of accessKeys) that may only call Describe* and"
                            + " List* operations; other calls answer AccessDeniedException. Comma separated.")
    private String readOnlyAccessKeys;

    @UriParam(label = "security",
              description = "transfer-as2:api only: accept signatures only for this AWS region (the client's"
                            + " --region). Any region when not set.")
    private String signingRegion;

    @UriParam(label = "security", defaultValue = "false",
              description = "transfer-as2:api only, for development: serve the API without authentication when no"
                            + " accessKeys are configured. Anyone who reaches the port can then change every"
                            + " resource; it is logged loudly. Without access keys and without this flag the API"
                            + " refuses to start.")
    private boolean allowUnauthenticatedApi;

    @UriParam(label = "consumer", defaultValue = DEFAULT_START_FILE_TRANSFER_ENDPOINT,
              description = "transfer-as2:api only: the Camel endpoint StartFileTransfer sends the request JSON to"
                            + " (AWS field names); the route pack's outbound route consumes it and answers"
                            + " {\"TransferId\": ...}.")
    private String startFileTransferEndpoint = DEFAULT_START_FILE_TRANSFER_ENDPOINT;

    @UriParam(label = "consumer", defaultValue = "3",
              description = "transfer-as2:api only: StartFileTransfer requests per second the API accepts (AWS's"
                            + " quota is 3); further requests answer ThrottlingException, which the AWS SDKs retry."
                            + " 0 turns the limit off.")
    @Metadata(javaType = "double")
    private double startFileTransferRate = 3;

    public String getApiPath() {
        return apiPath;
    }

    /** The path the control-plane API is served on. */
    public void setApiPath(String apiPath) {
        this.apiPath = apiPath;
    }

    public String getAccessKeys() {
        return accessKeys;
    }

    /** Access key pairs AccessKeyId:SecretAccessKey, comma separated. */
    public void setAccessKeys(String accessKeys) {
        this.accessKeys = accessKeys;
    }

    public String getReadOnlyAccessKeys() {
        return readOnlyAccessKeys;
    }

    /** Access key IDs limited to Describe* and List*. */
    public void setReadOnlyAccessKeys(String readOnlyAccessKeys) {
        this.readOnlyAccessKeys = readOnlyAccessKeys;
    }

    public String getSigningRegion() {
        return signingRegion;
    }

    /** The only region signatures may be made for; any when null. */
    public void setSigningRegion(String signingRegion) {
        this.signingRegion = signingRegion;
    }

    public boolean isAllowUnauthenticatedApi() {
        return allowUnauthenticatedApi;
    }

    /** Development only: serve the API unauthenticated when no access keys are configured. */
    public void setAllowUnauthenticatedApi(boolean allowUnauthenticatedApi) {
        this.allowUnauthenticatedApi = allowUnauthenticatedApi;
    }

    public String getStartFileTransferEndpoint() {
        return startFileTransferEndpoint;
    }

    /** The endpoint StartFileTransfer sends its request to. */
    public void setStartFileTransferEndpoint(String startFileTransferEndpoint) {
        this.startFileTransferEndpoint = startFileTransferEndpoint;
    }

    public double getStartFileTransferRate() {
        return startFileTransferRate;
    }

    /** StartFileTransfer requests per second; 0 turns the limit off. */
    public void setStartFileTransferRate(double startFileTransferRate) {
        this.startFileTransferRate = startFileTransferRate;
    }

    public TransferAs2Configuration copy() {
        try {
            return (TransferAs2Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
