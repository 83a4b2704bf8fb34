package io.transferas2.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
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

    @UriParam(label = "security", secret = true,
              description = "transfer-as2:console only: who may log in to the operations console, as"
                            + " name:role:hash entries separated by commas; role admin (may resend, retry, start"
                            + " and stop servers) or read-only; hash a PBKDF2 hash made by"
                            + " io.transferas2.console.PasswordHashes (pbkdf2-sha256$...), best given as a secret,"
                            + " e.g. ops:admin:{{env:CONSOLE_OPS_HASH}}. The console refuses to start without users.")
    private String consoleUsers;

    @UriParam(label = "security", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "transfer-as2:console only: a console session ends after this long without a request.")
    private long consoleSessionTimeout = 1_800_000;

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

    // ---- connector producer (transfer-as2:connector/<ConnectorId>) -------------------------------------------

    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Connector producer: how long to wait for the TCP (and TLS) connection to the partner."
                            + " A timeout fails the send with UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP.")
    private long connectTimeout = 30_000;

    @UriParam(label = "producer", defaultValue = "350000", javaType = "java.time.Duration",
              description = "Connector producer: the longest silence while waiting for the partner's answer (HTTP"
                            + " status and SYNC MDN). AWS's AS2 inactivity timeout is 350 s. A timeout fails the send"
                            + " with UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP as a transport failure.")
    private long readTimeout = 350_000;

    @UriParam(label = "producer", defaultValue = "100",
              description = "Connector producer: sends in progress at once per connector (AWS's quota is 100); more"
                            + " wait. It also sizes the connector's keep-alive connection pool.")
    private int maxInFlight = 100;

    @UriParam(label = "producer,advanced", defaultValue = "binary", enums = "binary,base64",
              description = "Connector producer: Content-Transfer-Encoding of the MIME entities inside the S/MIME"
                            + " layers. binary is smallest; base64 suits partners whose MIME stacks mangle binary"
                            + " parts.")
    private String transferEncoding = "binary";

    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Connector producer: send the message with chunked transfer coding instead of a"
                            + " Content-Length taken from the spooled message. Several partners reject chunked"
                            + " requests, so it is off by default.")
    private boolean chunked;

    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Connector producer: send Expect: 100-continue and wait for the partner's 100 before the"
                            + " body. Off by default: some servers never answer 100 and every send then stalls.")
    private boolean expectContinue;

    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Connector producer: leave the CMS algorithm-protection attribute (RFC 6211) out of"
                            + " signatures, for old receivers (e.g. some IBM Sterling versions) that cannot verify"
                            + " signatures carrying it.")
    private boolean omitAlgorithmProtection;

    @UriParam(label = "producer,advanced", defaultValue = "BEFORE_SIGNING", enums = "BEFORE_SIGNING,AFTER_SIGNING",
              description = "Connector producer, with Compression ZLIB: compress before signing (AWS and RFC 5402)"
                            + " or after. Receivers built on camel-as2 4.17 or as2-lib 5.1 return a wrong MIC for"
                            + " compress-before-signing; AFTER_SIGNING works with them.")
    private String compressionOrder = "BEFORE_SIGNING";

    @UriParam(label = "producer,advanced",
              description = "Connector producer: the domain part of AS2 Message-IDs, <uuid@domain>. By default 16 hex"
                            + " characters of the connector ID, the shape AWS uses.")
    private String messageIdDomain;

    @UriParam(label = "producer", defaultValue = "86400000", javaType = "java.time.Duration",
              description = "Connector producer, MdnResponse ASYNC: how long a send waits for its asynchronous MDN."
                            + " After that it fails with VERIFICATION_FAILED and is announced to the component's"
                            + " asyncMdnTimeoutEndpoint.")
    private long asyncMdnTimeout = 86_400_000;

    @UriParam(label = "producer", defaultValue = "THROW", enums = "THROW,RETURN",
              description = "Connector producer: what a business failure (a negative MDN, a MIC mismatch, an MDN that"
                            + " does not verify) does. THROW fails the exchange with MdnFailureException, which"
                            + " carries the FAILED result; RETURN completes the exchange with status code FAILED in"
                            + " the headers. Transport and configuration failures always throw.")
    private String businessFailurePolicy = "THROW";

    @UriParam(label = "producer,advanced", defaultValue = "camel-transfer-as2",
              description = "Connector producer: the User-Agent header sent to partners.")
    private String userAgent = "camel-transfer-as2";

    // ---- server consumer (transfer-as2:server/<ServerId>) ------------------------------------------------------

    @UriParam(label = "consumer", defaultValue = "/as2",
              description = "transfer-as2:server only: the path AS2 messages are POSTed to on the platform-http"
                            + " server (partners use http(s)://host:port<path>).")
    private String path = "/as2";

    @UriParam(label = "consumer",
              description = "transfer-as2:server only: serve only this agreement (a-...) of the server; by default"
                            + " every ACTIVE agreement of the server is served.")
    private String agreementId;

    @UriParam(label = "consumer", defaultValue = "2147483648",
              description = "transfer-as2:server only: the largest request body in bytes; larger messages answer"
                            + " HTTP 413 (checked against Content-Length first, then while streaming).")
    private long maxMessageSize = 2147483648L;

    @UriParam(label = "consumer,advanced", defaultValue = "17179869184",
              description = "transfer-as2:server only: the largest size in bytes a compressed payload may expand to;"
                            + " beyond it the message fails with DECOMPRESSION_FAILED (zip bomb guard).")
    private long maxDecompressedSize = 17179869184L;

    @UriParam(label = "consumer,advanced", defaultValue = "200",
              description = "transfer-as2:server only: the largest expanded/compressed ratio of a compressed payload,"
                            + " checked once it has expanded past 16 MiB; beyond it the message fails with"
                            + " DECOMPRESSION_FAILED.")
    private int maxCompressionRatio = 200;

    @UriParam(label = "consumer,security",
              description = "transfer-as2:server only: IP addresses or CIDR ranges of TLS-terminating proxies, comma"
                            + " separated. Only from them are X-Forwarded-Proto (an unencrypted message is then"
                            + " accepted when it is https) and X-Forwarded-For (the client IP) believed.")
    private String trustedProxies;

    @UriParam(label = "consumer,advanced",
              description = "transfer-as2:server only: where received Message-IDs are recorded to detect duplicates"
                            + " (keys <AgreementId>:<Message-ID>). Use a JDBC, Redis or Infinispan repository when"
                            + " several nodes serve the same server without sharing a transfer store. By default the"
                            + " component's transfer store.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer,advanced",
              description = "transfer-as2:server only: the duplicate-detection file of earlier versions; its"
                            + " Message-IDs are imported into the transfer store on first start and the file renamed"
                            + " .migrated. Default .transfer-as2/<ServerId>/received-message-ids.dat under the"
                            + " working directory.")
    private String receivedMessageIdsFile;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "transfer-as2:server only: when the route fails to store a message, answer HTTP 503 so"
                            + " the partner sends it again, instead of the error MDN processed/error:"
                            + " unexpected-processing-error.")
    private boolean retryOnRouteFailure;

    @UriParam(label = "consumer,security",
              description = "transfer-as2:server only: host names or IP addresses, comma separated, that"
                            + " asynchronous MDNs may be POSTed to besides the hosts of our connectors to the same"
                            + " partner profile. Any other Receipt-Delivery-Option is refused (no SSRF).")
    private String asyncMdnAllowedHosts;

    @UriParam(label = "consumer,security",
              description = "transfer-as2:server only: ports, comma separated, that asynchronous MDNs may be POSTed to"
                            + " on an allowed host besides 80, 443 and the port of a connector to the same partner on"
                            + " that host. The station's own listeners are refused whatever the lists say.")
    private String asyncMdnAllowedPorts;

    @UriParam(label = "consumer,advanced", defaultValue = "6",
              description = "transfer-as2:server only: attempts to deliver one asynchronous MDN.")
    private int asyncMdnAttempts = 6;

    @UriParam(label = "consumer,advanced", defaultValue = "2000",
              description = "transfer-as2:server only: milliseconds before the second attempt to deliver an"
                            + " asynchronous MDN; each further wait doubles, up to 5 minutes.")
    private long asyncMdnRetryDelay = 2000;

    @UriParam(label = "consumer,advanced", defaultValue = "30000",
              description = "transfer-as2:server only: connect and response time-out in milliseconds of one attempt"
                            + " to deliver an asynchronous MDN.")
    private long asyncMdnDeliveryTimeout = 30000;

    @UriParam(label = "advanced",
              description = "Directory for spool files: payloads while they are received and handed to the route"
                            + " (transfer-as2:server; default .transfer-as2/<ServerId>/tmp) and built messages while"
                            + " they are sent (transfer-as2:connector; default .transfer-as2/outbound/tmp), under the"
                            + " working directory (the station's data directory, not a shared /tmp name). Stale spool"
                            + " files there are removed at start.")
    private String tempDirectory;

    @UriParam(label = "consumer,advanced", defaultValue = "52428800",
              description = "transfer-as2:server only: the largest raw message (bytes) kept for the route when a"
                            + " message fails before its payload is decoded, so it can be stored under failed/;"
                            + " larger failed messages reach the route without a body. 0 keeps none.")
    private long rawMessageSpoolLimit = 52428800L;

    @UriParam(label = "consumer,advanced", defaultValue = "60000",
              description = "transfer-as2:server only: longest silence in milliseconds while a request body is read;"
                            + " a body that stalls longer fails and its connection is closed.")
    private long bodyIdleTimeout = 60000;

    @UriParam(label = "consumer,advanced", defaultValue = "1024",
              description = "transfer-as2:server only: slowest average rate in bytes per second a request body may"
                            + " arrive at once bodyMinRateGrace has passed (slow-loris defence); 0 turns the check"
                            + " off.")
    private long bodyMinRate = 1024;

    @UriParam(label = "consumer,advanced", defaultValue = "30000",
              description = "transfer-as2:server only: milliseconds from the start of a request before bodyMinRate is"
                            + " enforced.")
    private long bodyMinRateGrace = 30000;

    @UriParam(label = "consumer,advanced", defaultValue = "12",
              description = "transfer-as2:server only: AS2 requests served at once; more answer 503 with Retry-After"
                            + " before their body is read. Keep it below the HTTP server's worker threads (Vert.x: 20)"
                            + " so that health, the API and the trigger always have threads left. 0: no bound.")
    private int maxConcurrentRequests = 12;

    @UriParam(label = "consumer,advanced", defaultValue = "4",
              description = "transfer-as2:server only: AS2 requests served at once per client address (behind"
                            + " trustedProxies, the forwarded address); more answer 503 with Retry-After. 0: no"
                            + " bound.")
    private int maxConcurrentRequestsPerClient = 4;

    public String getApiPath() {
        return apiPath;
    }

    /** The path the control-plane API is served on. */
    public void setApiPath(String apiPath) {
        this.apiPath = apiPath;
    }

    public String getConsoleUsers() {
        return consoleUsers;
    }

    /** Console users, name:role:hash entries separated by commas. */
    public void setConsoleUsers(String consoleUsers) {
        this.consoleUsers = consoleUsers;
    }

    public long getConsoleSessionTimeout() {
        return consoleSessionTimeout;
    }

    /** Idle time (milliseconds) after which a console session ends. */
    public void setConsoleSessionTimeout(long consoleSessionTimeout) {
        this.consoleSessionTimeout = consoleSessionTimeout;
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

    // ---- connector producer accessors -------------------------------------------------------------------------

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** Connect timeout in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /** Read timeout in milliseconds. */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    /** Sends in progress per connector. */
    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public String getTransferEncoding() {
        return transferEncoding;
    }

    /** binary or base64. */
    public void setTransferEncoding(String transferEncoding) {
        this.transferEncoding = transferEncoding;
    }

    public boolean isChunked() {
        return chunked;
    }

    /** Chunked transfer coding instead of Content-Length. */
    public void setChunked(boolean chunked) {
        this.chunked = chunked;
    }

    public boolean isExpectContinue() {
        return expectContinue;
    }

    /** Send Expect: 100-continue. */
    public void setExpectContinue(boolean expectContinue) {
        this.expectContinue = expectContinue;
    }

    public boolean isOmitAlgorithmProtection() {
        return omitAlgorithmProtection;
    }

    /** Leave the RFC 6211 attribute out of signatures. */
    public void setOmitAlgorithmProtection(boolean omitAlgorithmProtection) {
        this.omitAlgorithmProtection = omitAlgorithmProtection;
    }

    public String getCompressionOrder() {
        return compressionOrder;
    }

    /** BEFORE_SIGNING or AFTER_SIGNING. */
    public void setCompressionOrder(String compressionOrder) {
        this.compressionOrder = compressionOrder;
    }

    public String getMessageIdDomain() {
        return messageIdDomain;
    }

    /** The domain part of Message-IDs. */
    public void setMessageIdDomain(String messageIdDomain) {
        this.messageIdDomain = messageIdDomain;
    }

    // ---- server consumer accessors -----------------------------------------------------------------------------

    public String getPath() {
        return path;
    }

    /** The path AS2 messages are POSTed to. */
    public void setPath(String path) {
        this.path = path;
    }

    public String getAgreementId() {
        return agreementId;
    }

    /** Serve only this agreement of the server. */
    public void setAgreementId(String agreementId) {
        this.agreementId = agreementId;
    }

    public long getMaxMessageSize() {
        return maxMessageSize;
    }

    /** The largest request body in bytes. */
    public void setMaxMessageSize(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public long getMaxDecompressedSize() {
        return maxDecompressedSize;
    }

    /** The largest size a compressed payload may expand to. */
    public void setMaxDecompressedSize(long maxDecompressedSize) {
        this.maxDecompressedSize = maxDecompressedSize;
    }

    public int getMaxCompressionRatio() {
        return maxCompressionRatio;
    }

    /** The largest expanded/compressed ratio. */
    public void setMaxCompressionRatio(int maxCompressionRatio) {
        this.maxCompressionRatio = maxCompressionRatio;
    }

    public String getTrustedProxies() {
        return trustedProxies;
    }

    /** TLS-terminating proxies whose X-Forwarded-* headers are believed. */
    public void setTrustedProxies(String trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /** Where received Message-IDs are recorded. */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getReceivedMessageIdsFile() {
        return receivedMessageIdsFile;
    }

    /** The file of the default duplicate-detection repository. */
    public void setReceivedMessageIdsFile(String receivedMessageIdsFile) {
        this.receivedMessageIdsFile = receivedMessageIdsFile;
    }

    public boolean isRetryOnRouteFailure() {
        return retryOnRouteFailure;
    }

    /** Answer HTTP 503 instead of an error MDN when the route fails. */
    public void setRetryOnRouteFailure(boolean retryOnRouteFailure) {
        this.retryOnRouteFailure = retryOnRouteFailure;
    }

    public String getAsyncMdnAllowedHosts() {
        return asyncMdnAllowedHosts;
    }

    /** Further hosts asynchronous MDNs may be sent to. */
    public void setAsyncMdnAllowedHosts(String asyncMdnAllowedHosts) {
        this.asyncMdnAllowedHosts = asyncMdnAllowedHosts;
    }

    public String getAsyncMdnAllowedPorts() {
        return asyncMdnAllowedPorts;
    }

    /** Further ports asynchronous MDNs may be sent to on allowed hosts. */
    public void setAsyncMdnAllowedPorts(String asyncMdnAllowedPorts) {
        this.asyncMdnAllowedPorts = asyncMdnAllowedPorts;
    }

    public int getAsyncMdnAttempts() {
        return asyncMdnAttempts;
    }

    /** Attempts to deliver one asynchronous MDN. */
    public void setAsyncMdnAttempts(int asyncMdnAttempts) {
        this.asyncMdnAttempts = asyncMdnAttempts;
    }

    public long getAsyncMdnRetryDelay() {
        return asyncMdnRetryDelay;
    }

    /** Milliseconds before the second delivery attempt. */
    public void setAsyncMdnRetryDelay(long asyncMdnRetryDelay) {
        this.asyncMdnRetryDelay = asyncMdnRetryDelay;
    }

    public long getAsyncMdnTimeout() {
        return asyncMdnTimeout;
    }

    /** How long an ASYNC send waits for its MDN, in milliseconds. */
    public void setAsyncMdnTimeout(long asyncMdnTimeout) {
        this.asyncMdnTimeout = asyncMdnTimeout;
    }

    public String getBusinessFailurePolicy() {
        return businessFailurePolicy;
    }

    /** THROW or RETURN. */
    public void setBusinessFailurePolicy(String businessFailurePolicy) {
        this.businessFailurePolicy = businessFailurePolicy;
    }

    public String getUserAgent() {
        return userAgent;
    }

    /** The User-Agent header. */
    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public long getAsyncMdnDeliveryTimeout() {
        return asyncMdnDeliveryTimeout;
    }

    /** Time-out of one async MDN delivery attempt, in milliseconds. */
    public void setAsyncMdnDeliveryTimeout(long asyncMdnDeliveryTimeout) {
        this.asyncMdnDeliveryTimeout = asyncMdnDeliveryTimeout;
    }

    public String getTempDirectory() {
        return tempDirectory;
    }

    /** Directory for payloads in flight. */
    public void setTempDirectory(String tempDirectory) {
        this.tempDirectory = tempDirectory;
    }

    public long getRawMessageSpoolLimit() {
        return rawMessageSpoolLimit;
    }

    /** The largest raw message kept for failed/. */
    public void setRawMessageSpoolLimit(long rawMessageSpoolLimit) {
        this.rawMessageSpoolLimit = rawMessageSpoolLimit;
    }

    public long getBodyIdleTimeout() {
        return bodyIdleTimeout;
    }

    /** Longest silence while a request body is read (ms). */
    public void setBodyIdleTimeout(long bodyIdleTimeout) {
        this.bodyIdleTimeout = bodyIdleTimeout;
    }

    public long getBodyMinRate() {
        return bodyMinRate;
    }

    /** Slowest accepted average body rate (bytes/s). */
    public void setBodyMinRate(long bodyMinRate) {
        this.bodyMinRate = bodyMinRate;
    }

    public long getBodyMinRateGrace() {
        return bodyMinRateGrace;
    }

    /** Time before the body rate is enforced (ms). */
    public void setBodyMinRateGrace(long bodyMinRateGrace) {
        this.bodyMinRateGrace = bodyMinRateGrace;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** AS2 requests served at once. */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public int getMaxConcurrentRequestsPerClient() {
        return maxConcurrentRequestsPerClient;
    }

    /** AS2 requests served at once per client address. */
    public void setMaxConcurrentRequestsPerClient(int maxConcurrentRequestsPerClient) {
        this.maxConcurrentRequestsPerClient = maxConcurrentRequestsPerClient;
    }

    public TransferAs2Configuration copy() {
        try {
            return (TransferAs2Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
