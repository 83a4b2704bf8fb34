package io.transferas2.camel;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.certs.CertificateStore;
import io.transferas2.outbound.FilePendingTransferStore;
import io.transferas2.outbound.PartnerHttpClients;
import io.transferas2.outbound.PendingTransferStore;
import io.transferas2.queue.RetryPolicy;
import io.transferas2.queue.TransferQueue;
import io.transferas2.registry.RegistryFile;
import io.transferas2.registry.RegistrySettings;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.store.EmbeddedStore;
import io.transferas2.store.FileOutcome;
import io.transferas2.store.TransferStore;
import io.transferas2.transfer.AsyncMdnReceiver;
import io.transferas2.transfer.OutboundResult;

/**
 * The transfer-as2 component: holds the resource registry (connectors, agreements, profiles, certificates, servers)
 * that its endpoints read on every message, so changes apply at once.
 */
@Component("transfer-as2")
public class TransferAs2Component extends HealthCheckComponent {
    private static final Logger LOG = LoggerFactory.getLogger(TransferAs2Component.class);

    @Metadata(label = "advanced", autowired = true,
              description = "The resource registry to use. When not set, one is opened from registryFile, or an"
                            + " empty in-memory registry is created.")
    private TransferRegistry registry;

    @Metadata(description = "The registry file (YAML or JSON) holding certificates, profiles, servers, connectors"
                            + " and agreements, in the shapes aws transfer describe commands print: a path, file:path"
                            + " or classpath:name. A relative path missing on disk is also looked up on the classpath"
                            + " (where camel export puts it).", supportFileReference = true)
    private String registryFile;

    @Metadata(defaultValue = "false",
              description = "Write registry changes (for example from the control-plane API) back to registryFile.")
    private boolean persistRegistryChanges;

    @Metadata(label = "security", secret = true,
              description = "Password that encrypts private keys the registry stores next to registryFile (keys"
                            + " imported through the API). Without it they are stored with owner-only permissions.")
    private String keyEncryptionPassword;

    @Metadata(label = "advanced",
              description = "AWS region written into the ARNs of new resources. When not set: the component's"
                            + " signingRegion if that is set, else us-east-1.")
    private String region;

    @Metadata(label = "advanced", defaultValue = "000000000000",
              description = "AWS account ID written into the ARNs of new resources.")
    private String accountId = "000000000000";

    @Metadata(description = "Default endpoint options, overridden by options on each endpoint URI.")
    private TransferAs2Configuration configuration = new TransferAs2Configuration();

    // ---- connector producer ----------------------------------------------------------------------------------

    @Metadata(label = "producer,advanced", defaultValue = FilePendingTransferStore.DEFAULT_DIRECTORY,
              description = "Directory of the ASYNC MDN file store of earlier versions: the pending transfers found"
                            + " there are imported into the transfer store on first start (each file renamed"
                            + " .migrated). ASYNC sends now wait for their MDN in the transfer store.")
    private String asyncMdnStoreDirectory = FilePendingTransferStore.DEFAULT_DIRECTORY;

    @Metadata(label = "producer,advanced", autowired = true,
              description = "A custom store for ASYNC sends waiting for their MDN; by default the transfer store.")
    private PendingTransferStore pendingTransferStore;

    // ---- transfer store and StartFileTransfer queue ----------------------------------------------------------

    @Metadata(label = "advanced", defaultValue = EmbeddedStore.DEFAULT_DIRECTORY,
              description = "Directory of the embedded transfer store (H2 in file mode, no server): StartFileTransfer"
                            + " requests and their files, pending ASYNC MDNs, received Message-IDs, the outbox's sent"
                            + " objects. Relative paths are resolved against the working directory. Not used when"
                            + " dataSource or transferStore is set.")
    private String storeDirectory = EmbeddedStore.DEFAULT_DIRECTORY;

    @Metadata(label = "advanced",
              description = "A JDBC DataSource for the transfer store instead of the embedded H2 database, e.g. a"
                            + " PostgreSQL pool shared by several nodes. The tables are created and upgraded at start"
                            + " (Flyway, history table tas2_schema_history).")
    private DataSource dataSource;

    @Metadata(label = "advanced", autowired = true,
              description = "A custom transfer store; by default the JDBC store on dataSource or the embedded one.")
    private TransferStore transferStore;

    @Metadata(label = "advanced",
              description = "JDBC URL of a PostgreSQL database for the transfer store, e.g."
                            + " jdbc:postgresql://db:5432/as2: setting it switches the station from the embedded store"
                            + " to PostgreSQL, shared by every node of a cluster (queue, received Message-IDs, pending"
                            + " ASYNC MDNs, outbox, and the registry unless sharedRegistry=false). A HikariCP pool of"
                            + " storePoolSize connections is opened. Not used when dataSource or transferStore is set.")
    private String storeUrl;

    @Metadata(label = "advanced", description = "User of the storeUrl database.")
    private String storeUser;

    @Metadata(label = "advanced,security", secret = true,
              description = "Password of the storeUrl database; give it as a placeholder such as"
                            + " {{env:TRANSFER_AS2_DB_PASSWORD}}. Never logged.")
    private String storePassword;

    @Metadata(label = "advanced", defaultValue = "10",
              description = "Connections in the pool opened for storeUrl (and for the embedded store).")
    private int storePoolSize = 10;

    @Metadata(label = "advanced",
              description = "Keep the registry (certificates, profiles, servers, connectors, agreements) in the"
                            + " store's database, shared by every node: a change made on one node (API) is seen by"
                            + " the others within registryPollInterval; registryFile then only seeds an empty"
                            + " database. When not set: true when the store is on storeUrl or dataSource, false for"
                            + " the embedded store.")
    private Boolean sharedRegistry;

    @Metadata(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration",
              description = "How often a node checks the shared registry's version for changes made on other nodes.")
    private long registryPollInterval = 1000;

    @Metadata(label = "advanced",
              description = "This node's name, recorded with every attempt and lease; the host name when not set.")
    private String nodeName;

    @Metadata(label = "producer", defaultValue = "20",
              description = "StartFileTransfer: files this node sends at once, all connectors together.")
    private int maxConcurrentTransfers = 20;

    @Metadata(label = "producer", defaultValue = "10",
              description = "StartFileTransfer: files this node sends at once through one connector, so one slow"
                            + " partner cannot take every slot. Files of a connector start in acceptance order.")
    private int maxConcurrentTransfersPerConnector = 10;

    @Metadata(label = "producer,advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "StartFileTransfer: how long a node's claim on a file lasts without renewal. Claims are"
                            + " renewed while the file is sent; when a node dies, its files are sent again (with the"
                            + " same Message-ID) once their claims expire.")
    private long transferLease = 60_000;

    @Metadata(label = "producer,advanced", defaultValue = "1000", javaType = "java.time.Duration",
              description = "StartFileTransfer: how often the store is checked for files to send (accepted files"
                            + " wake the sender at once; this finds retries that are due and expired claims).")
    private long transferPollInterval = 1000;

    @Metadata(label = "producer", defaultValue = "1",
              description = "StartFileTransfer retry policy: attempts in all for a file whose send fails in transport"
                            + " (cannot connect, timeout, HTTP 5xx), each with the same Message-ID. 1 is AWS's"
                            + " behaviour (no retry). A negative MDN is never retried.")
    private int retryMaxAttempts = 1;

    @Metadata(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "StartFileTransfer retry policy: the wait before the second attempt.")
    private long retryInitialDelay = 30_000;

    @Metadata(label = "producer", defaultValue = "2",
              description = "StartFileTransfer retry policy: how much longer each further wait is.")
    private double retryMultiplier = 2;

    @Metadata(label = "producer", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "StartFileTransfer retry policy: the longest wait between attempts.")
    private long retryMaxDelay = 1_800_000;

    @Metadata(label = "advanced", defaultValue = "2592000000", javaType = "java.time.Duration",
              description = "How long finished transfers (and received Message-IDs, outbox keys) stay in the"
                            + " transfer store; 30 days by default, 0 keeps them. The status JSON in S3 stays the"
                            + " permanent record.")
    private long retentionPeriod = 2_592_000_000L;

    @Metadata(label = "advanced", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "How often rows older than retentionPeriod are pruned.")
    private long pruneInterval = 3_600_000;

    private final StoreRuntime storeRuntime = new StoreRuntime(this);

    @Metadata(label = "producer",
              description = "Endpoint that ASYNC sends whose MDN did not arrive within asyncMdnTimeout are announced"
                            + " to, e.g. direct:as2-mdn-timeout: the exchange carries the FAILED result headers and"
                            + " the status JSON as body. Without it they are logged.")
    private String asyncMdnTimeoutEndpoint;

    @Metadata(label = "producer,advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How often ASYNC sends are checked for an overdue MDN.")
    private long asyncMdnCheckInterval = 60_000;

    @Metadata(label = "advanced", defaultValue = "30d", javaType = "java.time.Duration",
              description = "Certificates expiring (InactiveDate or NotAfter) within this period are listed by the"
                            + " transfer-as2-certificates health check, with those already expired.")
    private long certificateExpiryWarning = Duration.ofDays(30).toMillis();

    private ConnectorRuntime connectorRuntime;

    private CertificateStore certificateStore;
    private volatile AsyncMdnReceiver asyncMdnReceiver = AsyncMdnReceiver.NONE;

    /**
     * Secret-bearing option names that Camel's own list of sensitive keywords misses (it has accessKey, not
     * accessKeys, and storePassword is not "password"): registered so that Camel masks their values wherever it logs
     * options, e.g. Camel Main's start-up summary.
     */
    static final List<String> SECRET_OPTIONS = List.of("accesskeys", "keyencryptionpassword", "storepassword",
            "consoleusers");

    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        if (context != null) {
            registerSecretOptions(context);
        }
    }

    /** Camel 4.14 (the LTS camel-karaf serves) has no additional sensitive keywords; newer Camel has. */
    private static final boolean SENSITIVE_KEYWORDS_SUPPORTED = hasAdditionalSensitiveKeywords();

    private static boolean hasAdditionalSensitiveKeywords() {
        try {
            org.apache.camel.ExtendedCamelContext.class.getMethod("getAdditionalSensitiveKeywords");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static void registerSecretOptions(CamelContext context) {
        if (!SENSITIVE_KEYWORDS_SUPPORTED) {
            // on Camel 4.14 these two option values are not masked in Camel's own option logging
            return;
        }
        var extension = context.getCamelContextExtension();
        java.util.LinkedHashSet<String> keywords = new java.util.LinkedHashSet<>();
        String current = extension.getAdditionalSensitiveKeywords();
        if (current != null && !current.isBlank()) {
            keywords.addAll(List.of(current.split(",")));
        }
        if (keywords.addAll(SECRET_OPTIONS)) {
            extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        for (EndpointType idless : new EndpointType[] { EndpointType.API, EndpointType.TRANSFERS,
            EndpointType.CONSOLE }) {
            if (remaining.equals(idless.uriName()) || remaining.equals(idless.uriName() + "/")) {
                TransferAs2Endpoint endpoint = new TransferAs2Endpoint(uri, this, configuration.copy());
                endpoint.setType(idless.uriName());
                setProperties(endpoint, parameters);
                return endpoint;
            }
        }
        String[] parts = remaining.split("/", -1);
        if (parts.length != 2 || parts[1].isEmpty() || EndpointType.API.uriName().equals(parts[0])
                || EndpointType.TRANSFERS.uriName().equals(parts[0]) || EndpointType.CONSOLE.uriName().equals(parts[0])) {
            // the path only: the query may hold secrets
            throw new IllegalArgumentException("Invalid URI transfer-as2:" + remaining
                                               + ": expected transfer-as2:connector/<ConnectorId>"
                                               + " or transfer-as2:server/<ServerId> (or transfer-as2:api, transfer-as2:transfers,"
                                               + " transfer-as2:console)");
        }
        EndpointType type = EndpointType.fromUri(parts[0]);
        if (!type.kind().isValidId(parts[1]) && !parts[1].startsWith("{{")) {
            throw new IllegalArgumentException("Invalid URI transfer-as2:" + remaining + ": '" + parts[1] + "' is not a "
                                               + type.kind().idField() + " (" + type.kind().idPrefix()
                                               + " followed by 17 lowercase hex characters)");
        }
        TransferAs2Endpoint endpoint = new TransferAs2Endpoint(uri, this, configuration.copy());
        endpoint.setType(parts[0]);
        endpoint.setId(parts[1]);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        transferRegistry();
        connectorRuntime();
        registerCertificatesHealthCheck();
    }

    private void registerCertificatesHealthCheck() {
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null && health.getCheck(TransferAs2CertificatesHealthCheck.ID).isEmpty()) {
            health.register(new TransferAs2CertificatesHealthCheck(this));
        }
        if (health != null && health.getCheck(TransferAs2StoreHealthCheck.ID).isEmpty()) {
            health.register(new TransferAs2StoreHealthCheck(this));
        }
    }

    public long getCertificateExpiryWarning() {
        return certificateExpiryWarning;
    }

    /** Certificates expiring within this period (milliseconds) are reported by the certificates health check. */
    public void setCertificateExpiryWarning(long certificateExpiryWarning) {
        this.certificateExpiryWarning = certificateExpiryWarning;
    }

    @Override
    protected void doStop() throws Exception {
        stopConnectorRuntime();
        if (storeRuntime.hasSharedRegistry()) {
            // its rows live in the store closed below: a restart loads it again
            setRegistry(null);
        }
        storeRuntime.close();
        super.doStop();
    }

    // ---- transfer store and queue ----------------------------------------------------------------------------

    /** The transfer store, opened on first use. */
    public TransferStore transferStore() {
        return storeRuntime.store();
    }

    /** StartFileTransfer: accept, and query each file's result (ListFileTransferResults, consoles). */
    public TransferQueue transferQueue() {
        return storeRuntime.queue();
    }

    /**
     * The transfer store's history for consoles (inbound receipts, the combined transfer list, audit), or null when
     * a TransferStore of the user's own is configured.
     */
    public io.transferas2.store.TransferHistory transferHistory() {
        return storeRuntime.history();
    }

    /** This run's node ID (node name and a random suffix). */
    public String nodeId() {
        return storeRuntime.nodeId();
    }

    /** The retry policy of StartFileTransfer. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(retryMaxAttempts, java.time.Duration.ofMillis(retryInitialDelay), retryMultiplier,
                java.time.Duration.ofMillis(retryMaxDelay));
    }

    /**
     * Finishes an ASYNC send (MDN arrived or overdue) whose result was stored: removes its pending record and records
     * the outcome on its file, when it is one of the queue's. With the store's own pending records both happen in one
     * transaction.
     *
     * @return false when it was finished elsewhere
     */
    private boolean asyncFinished(OutboundResult result) {
        String statusKey = result.statusTarget() == null ? null : result.statusTarget().toString();
        FileOutcome outcome = result.completed() ? FileOutcome.completed(result.mic(), statusKey)
                : FileOutcome.failed(result.failureCode() == null ? null : result.failureCode().name(),
                        result.failureMessage(), result.mic(), statusKey);
        if (pendingTransferStore == null) {
            return transferStore().finishAsync(result.messageId(), outcome, Instant.now());
        }
        if (!pendingTransferStore.remove(result.messageId())) {
            return false;
        }
        transferStore().finishProcessing(result.messageId(), outcome, Instant.now());
        return true;
    }

    // ---- connector producer runtime ----------------------------------------------------------------------------

    /** The connector side: sender, ASYNC store and completer; started with the component. */
    synchronized ConnectorRuntime connectorRuntime() {
        if (connectorRuntime == null) {
            connectorRuntime = new ConnectorRuntime(this, pendingTransferStore != null ? pendingTransferStore
                    : storeRuntime.pendingTransfers(), asyncMdnTimeoutEndpoint, this::asyncFinished);
            connectorRuntime.start(this, asyncMdnCheckInterval);
            asyncMdnReceiver(connectorRuntime.receiver());
        }
        return connectorRuntime;
    }

    /**
     * Connection pool figures of a connector's HTTP client (connections opened so far, leased, idle), or null before
     * its first send.
     */
    public PartnerHttpClients.Stats connectorStats(String connectorId) {
        return connectorRuntime().sender().stats(connectorId);
    }

    private synchronized void stopConnectorRuntime() {
        if (connectorRuntime != null) {
            if (asyncMdnReceiver == connectorRuntime.receiver()) {
                asyncMdnReceiver(null);
            }
            connectorRuntime.close();
            connectorRuntime = null;
        }
    }

    public String getAsyncMdnStoreDirectory() {
        return asyncMdnStoreDirectory;
    }

    /** Directory of the file-based ASYNC store. */
    public void setAsyncMdnStoreDirectory(String asyncMdnStoreDirectory) {
        this.asyncMdnStoreDirectory = asyncMdnStoreDirectory;
    }

    public PendingTransferStore getPendingTransferStore() {
        return pendingTransferStore;
    }

    /** A custom store for pending ASYNC sends. */
    public void setPendingTransferStore(PendingTransferStore pendingTransferStore) {
        this.pendingTransferStore = pendingTransferStore;
    }

    public String getAsyncMdnTimeoutEndpoint() {
        return asyncMdnTimeoutEndpoint;
    }

    /** Where overdue ASYNC sends are announced. */
    public void setAsyncMdnTimeoutEndpoint(String asyncMdnTimeoutEndpoint) {
        this.asyncMdnTimeoutEndpoint = asyncMdnTimeoutEndpoint;
    }

    public long getAsyncMdnCheckInterval() {
        return asyncMdnCheckInterval;
    }

    /** How often overdue ASYNC sends are checked, in milliseconds. */
    public void setAsyncMdnCheckInterval(long asyncMdnCheckInterval) {
        this.asyncMdnCheckInterval = asyncMdnCheckInterval;
    }

    public String getStoreDirectory() {
        return storeDirectory;
    }

    /** Directory of the embedded transfer store. */
    public void setStoreDirectory(String storeDirectory) {
        this.storeDirectory = storeDirectory;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** A DataSource for the transfer store. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getStoreUrl() {
        return storeUrl;
    }

    /** JDBC URL of the PostgreSQL transfer store. */
    public void setStoreUrl(String storeUrl) {
        this.storeUrl = storeUrl;
    }

    public String getStoreUser() {
        return storeUser;
    }

    /** User of the storeUrl database. */
    public void setStoreUser(String storeUser) {
        this.storeUser = storeUser;
    }

    public String getStorePassword() {
        return storePassword;
    }

    /** Password of the storeUrl database. */
    public void setStorePassword(String storePassword) {
        this.storePassword = storePassword;
    }

    public int getStorePoolSize() {
        return storePoolSize;
    }

    /** Connections of the store's pool. */
    public void setStorePoolSize(int storePoolSize) {
        this.storePoolSize = storePoolSize;
    }

    public Boolean getSharedRegistry() {
        return sharedRegistry;
    }

    /** Keep the registry in the store's database. */
    public void setSharedRegistry(Boolean sharedRegistry) {
        this.sharedRegistry = sharedRegistry;
    }

    public long getRegistryPollInterval() {
        return registryPollInterval;
    }

    /** How often the shared registry's version is checked, in milliseconds. */
    public void setRegistryPollInterval(long registryPollInterval) {
        this.registryPollInterval = registryPollInterval;
    }

    /** Whether the registry lives in the store's database (explicit, or because the store is a shared one). */
    boolean registryIsShared() {
        if (sharedRegistry != null) {
            return sharedRegistry;
        }
        return transferStore == null && (dataSource != null || storeUrl != null && !storeUrl.isBlank());
    }

    public TransferStore getTransferStore() {
        return transferStore;
    }

    /** A custom transfer store. */
    public void setTransferStore(TransferStore transferStore) {
        this.transferStore = transferStore;
    }

    public String getNodeName() {
        return nodeName;
    }

    /** This node's name. */
    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public int getMaxConcurrentTransfers() {
        return maxConcurrentTransfers;
    }

    /** Files sent at once by this node. */
    public void setMaxConcurrentTransfers(int maxConcurrentTransfers) {
        this.maxConcurrentTransfers = maxConcurrentTransfers;
    }

    public int getMaxConcurrentTransfersPerConnector() {
        return maxConcurrentTransfersPerConnector;
    }

    /** Files sent at once by this node through one connector. */
    public void setMaxConcurrentTransfersPerConnector(int maxConcurrentTransfersPerConnector) {
        this.maxConcurrentTransfersPerConnector = maxConcurrentTransfersPerConnector;
    }

    public long getTransferLease() {
        return transferLease;
    }

    /** Claim duration in milliseconds. */
    public void setTransferLease(long transferLease) {
        this.transferLease = transferLease;
    }

    public long getTransferPollInterval() {
        return transferPollInterval;
    }

    /** Store polling interval in milliseconds. */
    public void setTransferPollInterval(long transferPollInterval) {
        this.transferPollInterval = transferPollInterval;
    }

    public int getRetryMaxAttempts() {
        return retryMaxAttempts;
    }

    /** Attempts in all after transport failures. */
    public void setRetryMaxAttempts(int retryMaxAttempts) {
        this.retryMaxAttempts = retryMaxAttempts;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /** Wait before the second attempt, in milliseconds. */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public double getRetryMultiplier() {
        return retryMultiplier;
    }

    /** Growth of the wait per attempt. */
    public void setRetryMultiplier(double retryMultiplier) {
        this.retryMultiplier = retryMultiplier;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /** Longest wait between attempts, in milliseconds. */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetentionPeriod() {
        return retentionPeriod;
    }

    /** How long finished rows are kept, in milliseconds. */
    public void setRetentionPeriod(long retentionPeriod) {
        this.retentionPeriod = retentionPeriod;
    }

    public long getPruneInterval() {
        return pruneInterval;
    }

    /** How often rows are pruned, in milliseconds. */
    public void setPruneInterval(long pruneInterval) {
        this.pruneInterval = pruneInterval;
    }

    /** The registry in use: the configured one, else opened from registryFile or created empty on first use. */
    public synchronized TransferRegistry transferRegistry() {
        if (registry == null) {
            RegistrySettings settings = RegistrySettings.defaults()
                    .region(arnRegion()).accountId(accountId)
                    .secrets(new CamelSecretResolver(getCamelContext()));
            if (registryIsShared()) {
                registry = storeRuntime.sharedRegistry(settings, registryFile == null ? null
                        : RegistryLocation.resolve(getCamelContext(), registryFile, false),
                        keyEncryptionPassword == null ? null : keyEncryptionPassword.toCharArray());
            } else if (registryFile != null) {
                Path file = RegistryLocation.resolve(getCamelContext(), registryFile, persistRegistryChanges);
                registry = RegistryFile.open(file, settings, persistRegistryChanges,
                        keyEncryptionPassword == null ? null : keyEncryptionPassword.toCharArray());
                LOG.info("transfer-as2 registry loaded from {}", registryFile);
                io.transferas2.registry.MissingPrivateKeys.in(registry)
                        .forEach(finding -> LOG.warn("transfer-as2 registry {}: {}", registryFile, finding));
            } else {
                registry = new TransferRegistry(settings);
                LOG.info("transfer-as2 uses an empty in-memory registry (set registryFile to load one)");
            }
        }
        return registry;
    }

    /** region, else the signingRegion API clients sign for, else AWS's first region. */
    String arnRegion() {
        if (region != null) {
            return region;
        }
        String signing = configuration == null ? null : configuration.getSigningRegion();
        return signing != null && !signing.isBlank() ? signing : "us-east-1";
    }

    /** Certificate selection over the registry. */
    public synchronized CertificateStore getCertificateStore() {
        if (certificateStore == null) {
            certificateStore = new CertificateStore(transferRegistry());
        }
        return certificateStore;
    }

    /** The configured registry, or null (the generated configurer reads it; it must not open one). */
    public synchronized TransferRegistry getRegistry() {
        return registry;
    }

    /** Where server consumers hand MDNs that answer our own ASYNC sends. */
    public AsyncMdnReceiver asyncMdnReceiver() {
        return asyncMdnReceiver;
    }

    /** Registers the connector side's handler for async MDNs (one per component). */
    public void asyncMdnReceiver(AsyncMdnReceiver receiver) {
        this.asyncMdnReceiver = receiver == null ? AsyncMdnReceiver.NONE : receiver;
    }

    /** The resource registry to use. */
    public synchronized void setRegistry(TransferRegistry registry) {
        this.registry = registry;
        this.certificateStore = null;
    }

    public String getRegistryFile() {
        return registryFile;
    }

    /** The registry file (YAML or JSON): a path, file:path or classpath:name. */
    public void setRegistryFile(String registryFile) {
        this.registryFile = registryFile;
    }

    public boolean isPersistRegistryChanges() {
        return persistRegistryChanges;
    }

    /** Write registry changes back to registryFile. */
    public void setPersistRegistryChanges(boolean persistRegistryChanges) {
        this.persistRegistryChanges = persistRegistryChanges;
    }

    public String getKeyEncryptionPassword() {
        return keyEncryptionPassword;
    }

    /** Password that encrypts stored private keys. */
    public void setKeyEncryptionPassword(String keyEncryptionPassword) {
        this.keyEncryptionPassword = keyEncryptionPassword;
    }

    public String getRegion() {
        return region;
    }

    /** AWS region written into ARNs. */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getAccountId() {
        return accountId;
    }

    /** AWS account ID written into ARNs. */
    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public TransferAs2Configuration getConfiguration() {
        return configuration;
    }

    /** Default endpoint options. */
    public void setConfiguration(TransferAs2Configuration configuration) {
        this.configuration = configuration;
    }
}
