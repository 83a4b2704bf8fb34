package io.transferas2.camel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import io.transferas2.registry.RegistryFile;
import io.transferas2.registry.RegistrySettings;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.transfer.AsyncMdnReceiver;

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
              description = "Directory where ASYNC sends wait for their MDN: one small JSON file per pending"
                            + " transfer, so they survive restarts. Relative paths are resolved against the working"
                            + " directory; several nodes may share one directory.")
    private String asyncMdnStoreDirectory = FilePendingTransferStore.DEFAULT_DIRECTORY;

    @Metadata(label = "producer,advanced", autowired = true,
              description = "A custom store for ASYNC sends waiting for their MDN (e.g. shared by a cluster); by"
                            + " default files in asyncMdnStoreDirectory.")
    private PendingTransferStore pendingTransferStore;

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
     * accessKeys): registered so that Camel masks their values wherever it logs options, e.g. Camel Main's
     * start-up summary.
     */
    static final List<String> SECRET_OPTIONS = List.of("accesskeys", "keyencryptionpassword");

    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        if (context != null) {
            registerSecretOptions(context);
        }
    }

    static void registerSecretOptions(CamelContext context) {
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
        if (remaining.equals(EndpointType.API.uriName()) || remaining.equals(EndpointType.API.uriName() + "/")) {
            TransferAs2Endpoint endpoint = new TransferAs2Endpoint(uri, this, configuration.copy());
            endpoint.setType(EndpointType.API.uriName());
            setProperties(endpoint, parameters);
            return endpoint;
        }
        String[] parts = remaining.split("/", -1);
        if (parts.length != 2 || parts[1].isEmpty() || EndpointType.API.uriName().equals(parts[0])) {
            throw new IllegalArgumentException("Invalid URI " + uri + ": expected transfer-as2:connector/<ConnectorId>"
                                               + " or transfer-as2:server/<ServerId> (or transfer-as2:api)");
        }
        EndpointType type = EndpointType.fromUri(parts[0]);
        if (!type.kind().isValidId(parts[1]) && !parts[1].startsWith("{{")) {
            throw new IllegalArgumentException("Invalid URI " + uri + ": '" + parts[1] + "' is not a "
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
        super.doStop();
    }

    // ---- connector producer runtime ----------------------------------------------------------------------------

    /** The connector side: sender, ASYNC store and completer; started with the component. */
    synchronized ConnectorRuntime connectorRuntime() {
        if (connectorRuntime == null) {
            connectorRuntime = new ConnectorRuntime(this, pendingTransferStore, asyncMdnStoreDirectory,
                    asyncMdnTimeoutEndpoint);
            connectorRuntime.start(this, asyncMdnCheckInterval);
            asyncMdnReceiver(connectorRuntime.completer());
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
            if (asyncMdnReceiver == connectorRuntime.completer()) {
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

    /** The registry in use: the configured one, else opened from registryFile or created empty on first use. */
    public synchronized TransferRegistry transferRegistry() {
        if (registry == null) {
            RegistrySettings settings = RegistrySettings.defaults()
                    .region(arnRegion()).accountId(accountId)
                    .secrets(new CamelSecretResolver(getCamelContext()));
            if (registryFile != null) {
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
