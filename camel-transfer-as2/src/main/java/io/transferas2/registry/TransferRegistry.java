package io.transferas2.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.transferas2.certs.CertificateImporter;
import io.transferas2.certs.KeySource;
import io.transferas2.model.Agreement;
import io.transferas2.model.AgreementStatusType;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.Certificate;
import io.transferas2.model.Connector;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Protocol;
import io.transferas2.model.ResourceKind;
import io.transferas2.model.Server;
import io.transferas2.model.State;
import io.transferas2.model.Tag;
import io.transferas2.model.TransferJson;
import io.transferas2.model.TransferResource;
import io.transferas2.registry.RegistryEvent.Change;

/**
 * The AS2 resources of AWS Transfer Family (certificates, profiles, connectors, agreements, servers) with the
 * semantics of the Transfer API: create returns the ID, update changes only the fields given, describe and list return
 * copies, delete refuses resources still referenced.
 * <p>
 * Thread-safe: reads share a lock and see a consistent state; every change is validated on a copy, applied
 * atomically, persisted through the optional {@link RegistryStore} (and rolled back if that fails), then announced to
 * the {@link RegistryListener}s. Changes are visible to running routes at once.
 */
public final class TransferRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(TransferRegistry.class);

    private final RegistrySettings settings;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, Certificate> certificates = new TreeMap<>();
    private final Map<String, CertificateEntry> certificateEntries = new HashMap<>();
    private final Map<String, KeySource> keySources = new HashMap<>();
    private final NavigableMap<String, Profile> profiles = new TreeMap<>();
    private final NavigableMap<String, Connector> connectors = new TreeMap<>();
    private final NavigableMap<String, Agreement> agreements = new TreeMap<>();
    private final NavigableMap<String, Server> servers = new TreeMap<>();
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final ResourceValidator validator;
    private volatile RegistryStore store;

    public TransferRegistry() {
        this(RegistrySettings.defaults());
    }

    public TransferRegistry(RegistrySettings settings) {
        this.settings = Objects.requireNonNull(settings);
        this.validator = new ResourceValidator(new StateLookup(), settings.limits());
    }

    public RegistrySettings settings() {
        return settings;
    }

    /** Persist every later change through this store (null turns persistence off). */
    public void setStore(RegistryStore store) {
        this.store = store;
    }

    public void addListener(RegistryListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(RegistryListener listener) {
        listeners.remove(listener);
    }

    // ---- certificates --------------------------------------------------------------------------------------

    /** ImportCertificate through the API: an inline PEM private key is accepted. */
    public String importCertificate(Certificate input) {
        return importCertificate(input, CertificateImporter.Origin.API);
    }

    /** ImportCertificate; from a file, secrets must be references or placeholders. */
    public String importCertificate(Certificate input, CertificateImporter.Origin origin) {
        Certificate candidate = prepareNew(input, ResourceKind.CERTIFICATE);
        candidate.setPrivateKey(input.getPrivateKey());
        candidate.setPrivateKeyPassword(input.getPrivateKeyPassword());
        candidate.setKeyStore(input.getKeyStore());
        validator.checkCertificateInput(candidate);
        CertificateImporter.Imported imported = new CertificateImporter(origin, settings.baseDir(),
                settings.secrets()).importCertificate(candidate);
        Certificate stored = imported.certificate();
        validator.checkCommon(stored);
        CertificateEntry entry = entry(stored, imported.material().withCertificateId(stored.getCertificateId()));
        warnIfNoLongerUsable(entry);
        return write(ResourceKind.CERTIFICATE, stored.getCertificateId(), Change.CREATED, () -> {
            requireAbsent(certificates, stored);
            requireCapacity(certificates.size(), settings.limits().certificates(), "certificates");
            certificates.put(stored.getCertificateId(), stored);
            certificateEntries.put(stored.getCertificateId(), entry);
            if (imported.keySource() != null) {
                keySources.put(stored.getCertificateId(), imported.keySource());
            }
            return () -> {
                certificates.remove(stored.getCertificateId());
                certificateEntries.remove(stored.getCertificateId());
                keySources.remove(stored.getCertificateId());
            };
        });
    }

    /** UpdateCertificate: ActiveDate, InactiveDate and Description; the period must stay within the validity. */
    public void updateCertificate(Certificate update) {
        String id = requireIdField(update, ResourceKind.CERTIFICATE);
        if (update.hasKeyInput() || update.getCertificate() != null || update.getUsage() != null) {
            throw new InvalidRequestException("UpdateCertificate changes only ActiveDate, InactiveDate and"
                    + " Description; import a new certificate to change the key, PEM or Usage");
        }
        validator.checkDescription(update.getDescription());
        write(ResourceKind.CERTIFICATE, id, Change.UPDATED, () -> {
            Certificate current = require(certificates, ResourceKind.CERTIFICATE, id);
            Certificate next = TransferJson.copy(current, Certificate.class);
            if (update.getActiveDate() != null) {
                next.setActiveDate(update.getActiveDate());
            }
            if (update.getInactiveDate() != null) {
                next.setInactiveDate(update.getInactiveDate());
            }
            if (update.getDescription() != null) {
                next.setDescription(update.getDescription());
            }
            CertificateImporter.checkActivePeriod(next);
            CertificateEntry previousEntry = certificateEntries.get(id);
            certificates.put(id, next);
            certificateEntries.put(id, entry(next, previousEntry.material()));
            return () -> {
                certificates.put(id, current);
                certificateEntries.put(id, previousEntry);
            };
        });
    }

    /** DescribeCertificate, with Status computed for the registry clock's current time. */
    public Certificate describeCertificate(String certificateId) {
        return read(() -> withStatus(require(certificates, ResourceKind.CERTIFICATE, certificateId)));
    }

    public Page<Certificate> listCertificates(Integer maxResults, String nextToken) {
        return read(() -> Paging.page("ListCertificates", certificates, maxResults, nextToken, c -> true,
                this::withStatus));
    }

    public void deleteCertificate(String certificateId) {
        write(ResourceKind.CERTIFICATE, certificateId, Change.DELETED, () -> {
            Certificate current = require(certificates, ResourceKind.CERTIFICATE, certificateId);
            List<String> users = profiles.values().stream()
                    .filter(p -> p.certificateIdList().contains(certificateId))
                    .map(Profile::getProfileId).toList();
            if (!users.isEmpty()) {
                throw new InvalidRequestException("Certificate " + certificateId + " is used by profile(s) " + users
                        + "; remove it from them first");
            }
            CertificateEntry entry = certificateEntries.remove(certificateId);
            KeySource keySource = keySources.remove(certificateId);
            certificates.remove(certificateId);
            return () -> {
                certificates.put(certificateId, current);
                certificateEntries.put(certificateId, entry);
                if (keySource != null) {
                    keySources.put(certificateId, keySource);
                }
            };
        });
    }

    /** Runtime view of a certificate for key selection, without copying. */
    public Optional<CertificateEntry> certificateEntry(String certificateId) {
        return read(() -> Optional.ofNullable(certificateEntries.get(certificateId)));
    }

    /** The certificates of a profile, as runtime views, in the profile's order. */
    public List<CertificateEntry> certificatesOfProfile(String profileId) {
        return read(() -> require(profiles, ResourceKind.PROFILE, profileId).certificateIdList().stream()
                .map(certificateEntries::get)
                .filter(Objects::nonNull)
                .toList());
    }

    // ---- profiles ------------------------------------------------------------------------------------------

    public String createProfile(Profile input) {
        Profile candidate = prepareNew(input, ResourceKind.PROFILE);
        validator.checkCommon(candidate);
        return write(ResourceKind.PROFILE, candidate.getProfileId(), Change.CREATED, () -> {
            requireAbsent(profiles, candidate);
            requireCapacity(profiles.size(), settings.limits().profiles(), "profiles");
            validator.checkProfile(candidate);
            profiles.put(candidate.getProfileId(), candidate);
            return () -> profiles.remove(candidate.getProfileId());
        });
    }

    /** UpdateProfile: replaces CertificateIds, the only field AWS lets you change. */
    public void updateProfile(Profile update) {
        String id = requireIdField(update, ResourceKind.PROFILE);
        if (update.getAs2Id() != null || update.getProfileType() != null) {
            throw new InvalidRequestException("UpdateProfile changes only CertificateIds; As2Id and ProfileType are"
                    + " fixed at creation");
        }
        write(ResourceKind.PROFILE, id, Change.UPDATED, () -> {
            Profile current = require(profiles, ResourceKind.PROFILE, id);
            Profile next = TransferJson.copy(current, Profile.class);
            if (update.getCertificateIds() != null) {
                next.setCertificateIds(update.getCertificateIds());
            }
            validator.checkProfile(next);
            profiles.put(id, next);
            return () -> profiles.put(id, current);
        });
    }

    public Profile describeProfile(String profileId) {
        return read(() -> copy(require(profiles, ResourceKind.PROFILE, profileId)));
    }

    /** ListProfiles, optionally only one ProfileType. */
    public Page<Profile> listProfiles(Integer maxResults, String nextToken, ProfileType profileType) {
        return read(() -> Paging.page("ListProfiles:" + (profileType == null ? "" : profileType), profiles,
                maxResults, nextToken,
                p -> profileType == null || p.getProfileType() == profileType, this::copy));
    }

    public void deleteProfile(String profileId) {
        write(ResourceKind.PROFILE, profileId, Change.DELETED, () -> {
            Profile current = require(profiles, ResourceKind.PROFILE, profileId);
            List<String> users = new ArrayList<>();
            connectors.values().stream()
                    .filter(c -> profileId.equals(c.getAs2Config().getLocalProfileId())
                            || profileId.equals(c.getAs2Config().getPartnerProfileId()))
                    .forEach(c -> users.add(c.getConnectorId()));
            agreements.values().stream()
                    .filter(a -> profileId.equals(a.getLocalProfileId()) || profileId.equals(a.getPartnerProfileId()))
                    .forEach(a -> users.add(a.getAgreementId()));
            if (!users.isEmpty()) {
                throw new InvalidRequestException("Profile " + profileId + " is used by " + users
                        + "; delete or change them first");
            }
            profiles.remove(profileId);
            return () -> profiles.put(profileId, current);
        });
    }

    // ---- connectors ----------------------------------------------------------------------------------------

    public String createConnector(Connector input) {
        Connector candidate = prepareNew(input, ResourceKind.CONNECTOR);
        validator.checkCommon(candidate);
        return write(ResourceKind.CONNECTOR, candidate.getConnectorId(), Change.CREATED, () -> {
            requireAbsent(connectors, candidate);
            requireCapacity(connectors.size(), settings.limits().connectors(), "connectors");
            validator.checkConnector(candidate);
            connectors.put(candidate.getConnectorId(), candidate);
            return () -> connectors.remove(candidate.getConnectorId());
        });
    }

    /**
     * UpdateConnector: Url, AccessRole, LoggingRole and the As2Config fields that are given; the other As2Config
     * fields keep their values. An empty BasicAuthSecretId turns Basic auth off, as in AWS.
     */
    public void updateConnector(Connector update) {
        String id = requireIdField(update, ResourceKind.CONNECTOR);
        write(ResourceKind.CONNECTOR, id, Change.UPDATED, () -> {
            Connector current = require(connectors, ResourceKind.CONNECTOR, id);
            Connector next = TransferJson.copy(current, Connector.class);
            setIfGiven(update.getUrl(), next::setUrl);
            setIfGiven(update.getAccessRole(), next::setAccessRole);
            setIfGiven(update.getLoggingRole(), next::setLoggingRole);
            update.getUnmodelledFields().forEach(next::putUnmodelledField);
            if (update.getAs2Config() != null) {
                next.setAs2Config(merge(next.getAs2Config(), update.getAs2Config()));
            }
            validator.checkCommon(next);
            validator.checkConnector(next);
            connectors.put(id, next);
            return () -> connectors.put(id, current);
        });
    }

    public Connector describeConnector(String connectorId) {
        return read(() -> copy(require(connectors, ResourceKind.CONNECTOR, connectorId)));
    }

    public Page<Connector> listConnectors(Integer maxResults, String nextToken) {
        return read(() -> Paging.page("ListConnectors", connectors, maxResults, nextToken, c -> true,
                this::copy));
    }

    public void deleteConnector(String connectorId) {
        write(ResourceKind.CONNECTOR, connectorId, Change.DELETED, () -> {
            Connector current = require(connectors, ResourceKind.CONNECTOR, connectorId);
            connectors.remove(connectorId);
            return () -> connectors.put(connectorId, current);
        });
    }

    // ---- agreements ----------------------------------------------------------------------------------------

    public String createAgreement(Agreement input) {
        Agreement candidate = prepareNew(input, ResourceKind.AGREEMENT);
        if (candidate.getStatus() == null) {
            candidate.setStatus(AgreementStatusType.ACTIVE);
        }
        validator.checkCommon(candidate);
        return write(ResourceKind.AGREEMENT, candidate.getAgreementId(), Change.CREATED, () -> {
            requireAbsent(agreements, candidate);
            validator.checkAgreement(candidate, true);
            agreements.put(candidate.getAgreementId(), candidate);
            return () -> agreements.remove(candidate.getAgreementId());
        });
    }

    /**
     * UpdateAgreement: the fields given change, the rest stay. Giving BaseDirectory drops CustomDirectories and the
     * other way round; giving both is an error.
     */
    public void updateAgreement(Agreement update) {
        String id = requireIdField(update, ResourceKind.AGREEMENT);
        if (update.getServerId() == null) {
            throw new InvalidRequestException("ServerId is required");
        }
        if (update.getBaseDirectory() != null && update.getCustomDirectories() != null) {
            throw new InvalidRequestException("BaseDirectory and CustomDirectories are mutually exclusive; give one");
        }
        write(ResourceKind.AGREEMENT, id, Change.UPDATED, () -> {
            Agreement current = requireAgreementOnServer(id, update.getServerId());
            Agreement next = TransferJson.copy(current, Agreement.class);
            setIfGiven(update.getDescription(), next::setDescription);
            setIfGiven(update.getStatus(), next::setStatus);
            setIfGiven(update.getLocalProfileId(), next::setLocalProfileId);
            setIfGiven(update.getPartnerProfileId(), next::setPartnerProfileId);
            setIfGiven(update.getAccessRole(), next::setAccessRole);
            setIfGiven(update.getPreserveFilename(), next::setPreserveFilename);
            setIfGiven(update.getEnforceMessageSigning(), next::setEnforceMessageSigning);
            if (update.getBaseDirectory() != null) {
                next.setBaseDirectory(update.getBaseDirectory());
                next.setCustomDirectories(null);
            }
            if (update.getCustomDirectories() != null) {
                next.setCustomDirectories(TransferJson.copy(update.getCustomDirectories(),
                        io.transferas2.model.CustomDirectories.class));
                next.setBaseDirectory(null);
            }
            validator.checkCommon(next);
            validator.checkAgreement(next, false);
            agreements.put(id, next);
            return () -> agreements.put(id, current);
        });
    }

    public Agreement describeAgreement(String agreementId, String serverId) {
        return read(() -> copy(requireAgreementOnServer(agreementId, serverId)));
    }

    /** ListAgreements of one server, as AWS requires a ServerId. */
    public Page<Agreement> listAgreements(String serverId, Integer maxResults, String nextToken) {
        if (serverId == null) {
            throw new InvalidRequestException("ServerId is required");
        }
        return read(() -> {
            require(servers, ResourceKind.SERVER, serverId);
            return Paging.page("ListAgreements:" + serverId, agreements, maxResults, nextToken,
                    a -> serverId.equals(a.getServerId()), this::copy);
        });
    }

    public void deleteAgreement(String agreementId, String serverId) {
        write(ResourceKind.AGREEMENT, agreementId, Change.DELETED, () -> {
            Agreement current = requireAgreementOnServer(agreementId, serverId);
            agreements.remove(agreementId);
            return () -> agreements.put(agreementId, current);
        });
    }

    /**
     * The ACTIVE agreement of a server for an inbound message: AS2-From is the partner profile's As2Id, AS2-To the
     * local profile's. At most one exists (creation refuses ambiguous agreements).
     */
    public Optional<Agreement> findActiveAgreement(String serverId, String as2From, String as2To) {
        return read(() -> agreements.values().stream()
                .filter(a -> a.isActive() && serverId.equals(a.getServerId()))
                .filter(a -> as2IdOf(a.getPartnerProfileId()).equals(as2From)
                        && as2IdOf(a.getLocalProfileId()).equals(as2To))
                .findFirst()
                .map(this::copy));
    }

    // ---- servers -------------------------------------------------------------------------------------------

    /** CreateServer for AS2: Protocols default to [AS2]; a new server is ONLINE. */
    public String createServer(Server input) {
        Server candidate = prepareNew(input, ResourceKind.SERVER);
        if (candidate.getProtocols() == null) {
            candidate.setProtocols(List.of(Protocol.AS2));
        }
        if (candidate.getState() == null) {
            candidate.setState(State.ONLINE);
        }
        validator.checkCommon(candidate);
        ResourceValidator.checkServer(candidate);
        return write(ResourceKind.SERVER, candidate.getServerId(), Change.CREATED, () -> {
            requireAbsent(servers, candidate);
            requireCapacity(servers.size(), settings.limits().servers(), "servers");
            servers.put(candidate.getServerId(), candidate);
            return () -> servers.remove(candidate.getServerId());
        });
    }

    /** UpdateServer: Protocols, ProtocolDetails and the unmodelled AWS fields given. State changes via start/stop. */
    public void updateServer(Server update) {
        String id = requireIdField(update, ResourceKind.SERVER);
        if (update.getState() != null) {
            throw new InvalidRequestException("State cannot be updated; use StartServer or StopServer");
        }
        write(ResourceKind.SERVER, id, Change.UPDATED, () -> {
            Server current = require(servers, ResourceKind.SERVER, id);
            Server next = TransferJson.copy(current, Server.class);
            setIfGiven(update.getProtocols(), next::setProtocols);
            setIfGiven(update.getProtocolDetails(), next::setProtocolDetails);
            update.getUnmodelledFields().forEach((field, value) -> {
                if (clearsServerField(field, value)) {
                    next.getUnmodelledFields().remove(field);
                } else {
                    next.putUnmodelledField(field, value);
                }
            });
            validator.checkCommon(next);
            ResourceValidator.checkServer(next);
            servers.put(id, next);
            return () -> servers.put(id, current);
        });
    }

    /** UpdateServer removes a LoggingRole given as "" and StructuredLogDestinations given as [], as AWS does. */
    private static boolean clearsServerField(String field, Object value) {
        return ("LoggingRole".equals(field) && "".equals(value))
                || ("StructuredLogDestinations".equals(field) && value instanceof List<?> list && list.isEmpty());
    }

    public Server describeServer(String serverId) {
        return read(() -> copy(require(servers, ResourceKind.SERVER, serverId)));
    }

    public Page<Server> listServers(Integer maxResults, String nextToken) {
        return read(() -> Paging.page("ListServers", servers, maxResults, nextToken, s -> true, this::copy));
    }

    public void deleteServer(String serverId) {
        write(ResourceKind.SERVER, serverId, Change.DELETED, () -> {
            Server current = require(servers, ResourceKind.SERVER, serverId);
            List<String> users = new ArrayList<>();
            agreements.values().stream().filter(a -> serverId.equals(a.getServerId()))
                    .forEach(a -> users.add(a.getAgreementId()));
            connectors.values().stream()
                    .filter(c -> c.getAs2Config().getAsyncMdnConfig() != null
                            && c.getAs2Config().getAsyncMdnConfig().getServerIds() != null
                            && c.getAs2Config().getAsyncMdnConfig().getServerIds().contains(serverId))
                    .forEach(c -> users.add(c.getConnectorId()));
            if (!users.isEmpty()) {
                throw new InvalidRequestException("Server " + serverId + " is used by " + users
                        + "; delete the agreements and change the connectors first");
            }
            servers.remove(serverId);
            return () -> servers.put(serverId, current);
        });
    }

    public void startServer(String serverId) {
        setServerState(serverId, State.ONLINE);
    }

    public void stopServer(String serverId) {
        setServerState(serverId, State.OFFLINE);
    }

    private void setServerState(String serverId, State state) {
        write(ResourceKind.SERVER, serverId, Change.UPDATED, () -> {
            Server current = require(servers, ResourceKind.SERVER, serverId);
            Server next = TransferJson.copy(current, Server.class);
            next.setState(state);
            servers.put(serverId, next);
            return () -> servers.put(serverId, current);
        });
    }

    // ---- tags ----------------------------------------------------------------------------------------------

    /** TagResource: adds the tags, replacing values of keys already present. */
    public void tagResource(String arn, List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            throw new InvalidRequestException("Tags must list at least one tag");
        }
        changeTags(arn, current -> {
            Map<String, Tag> byKey = new LinkedHashMap<>();
            current.forEach(t -> byKey.put(t.getKey(), t));
            tags.forEach(t -> byKey.put(t.getKey(), t));
            return new ArrayList<>(byKey.values());
        });
    }

    /** UntagResource: removes the tags with these keys. */
    public void untagResource(String arn, List<String> tagKeys) {
        if (tagKeys == null || tagKeys.isEmpty()) {
            throw new InvalidRequestException("TagKeys must list at least one key");
        }
        changeTags(arn, current -> current.stream().filter(t -> !tagKeys.contains(t.getKey())).toList());
    }

    public Page<Tag> listTagsForResource(String arn, Integer maxResults, String nextToken) {
        return read(() -> {
            TransferResource resource;
            try {
                resource = resourceByArn(arn);
            } catch (ResourceNotFoundException e) {
                // the model gives ListTagsForResource no ResourceNotFoundException: AWS answers a bad request
                throw new InvalidRequestException(e.getMessage());
            }
            List<Tag> tags = resource.getTags();
            return Paging.page("ListTagsForResource:" + arn, tags == null ? List.of() : tags, maxResults,
                    nextToken);
        });
    }

    private void changeTags(String arn, Function<List<Tag>, List<Tag>> change) {
        TransferResource target = read(() -> resourceByArn(arn));
        write(target.kind(), target.id(), Change.UPDATED, () -> {
            TransferResource current = resourceByArn(arn);
            List<Tag> before = current.getTags();
            List<Tag> after = change.apply(before == null ? List.of() : before);
            validator.checkTags(after);
            current.setTags(after.isEmpty() ? null : after);
            return () -> current.setTags(before);
        });
    }

    private TransferResource resourceByArn(String arn) {
        if (arn == null || !arn.startsWith("arn:") || arn.indexOf('/') < 0) {
            throw new InvalidRequestException("Arn '" + arn + "' is not a Transfer Family ARN");
        }
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        for (ResourceKind kind : ResourceKind.values()) {
            if (kind.isValidId(id)) {
                TransferResource resource = mapOf(kind).get(id);
                if (resource != null && arn.equals(resource.getArn())) {
                    return resource;
                }
            }
        }
        throw new ResourceNotFoundException("No resource with Arn " + arn, "Resource", arn);
    }

    // ---- snapshot ------------------------------------------------------------------------------------------

    /** A consistent copy of everything, for persistence. */
    public RegistrySnapshot snapshot() {
        return read(() -> new RegistrySnapshot(
                certificates.values().stream().map(this::withStatus).toList(),
                Map.copyOf(keySources),
                profiles.values().stream().map(this::copy).toList(),
                servers.values().stream().map(this::copy).toList(),
                connectors.values().stream().map(this::copy).toList(),
                agreements.values().stream().map(this::copy).toList()));
    }

    /**
     * Takes over every resource of {@code source} (a registry freshly loaded from the shared database), atomically,
     * then tells the listeners what was created, updated and deleted. Used by a node that sees another node's change.
     *
     * @return the number of resources that changed
     */
    public int replaceWith(TransferRegistry source) {
        return replaceWith(source, () -> true);
    }

    /**
     * {@link #replaceWith(TransferRegistry)} if {@code stillCurrent}, checked under the write lock, holds (a change
     * made on this node meanwhile may have made the source stale).
     *
     * @return the number of resources that changed, or -1 when the source was stale
     */
    public int replaceWith(TransferRegistry source, java.util.function.BooleanSupplier stillCurrent) {
        List<RegistryEvent> events = new ArrayList<>();
        RegistrySnapshot incoming = source.snapshot();
        lock.writeLock().lock();
        try {
            if (!stillCurrent.getAsBoolean()) {
                return -1;
            }
            for (ResourceKind kind : ResourceKind.values()) {
                NavigableMap<String, TransferResource> mine = mapOf(kind);
                NavigableMap<String, TransferResource> theirs = source.mapOf(kind);
                for (String id : mine.keySet()) {
                    if (!theirs.containsKey(id)) {
                        events.add(new RegistryEvent(kind, id, Change.DELETED));
                    }
                }
                for (Map.Entry<String, TransferResource> e : theirs.entrySet()) {
                    TransferResource current = mine.get(e.getKey());
                    if (current == null) {
                        events.add(new RegistryEvent(kind, e.getKey(), Change.CREATED));
                    } else if (!TransferJson.json().valueToTree(current)
                            .equals(TransferJson.json().valueToTree(e.getValue()))) {
                        events.add(new RegistryEvent(kind, e.getKey(), Change.UPDATED));
                    }
                }
            }
            replace(certificates, source.certificates);
            certificateEntries.clear();
            certificateEntries.putAll(source.certificateEntries);
            keySources.clear();
            keySources.putAll(incoming.keySources());
            replace(profiles, source.profiles);
            replace(connectors, source.connectors);
            replace(agreements, source.agreements);
            replace(servers, source.servers);
        } finally {
            lock.writeLock().unlock();
        }
        for (RegistryEvent event : events) {
            notifyListeners(event);
        }
        return events.size();
    }

    private static <T> void replace(Map<String, T> target, Map<String, T> from) {
        target.clear();
        target.putAll(from);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private <T extends TransferResource> T prepareNew(T input, ResourceKind kind) {
        Objects.requireNonNull(input, kind.displayName() + " input");
        T candidate = TransferJson.copy(input);
        if (candidate.id() == null) {
            candidate.assignId(kind.newId());
        }
        validator.checkId(candidate);
        if (candidate.getArn() == null) {
            candidate.setArn(settings.arn(kind, candidate.id()));
        }
        return candidate;
    }

    private static String requireIdField(TransferResource update, ResourceKind kind) {
        if (update == null || update.id() == null) {
            throw new InvalidRequestException(kind.idField() + " is required");
        }
        return update.id();
    }

    private static <T> void setIfGiven(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** A partial As2Config: given fields override, the rest keep their values. */
    private static As2ConnectorConfig merge(As2ConnectorConfig current, As2ConnectorConfig update) {
        As2ConnectorConfig next = TransferJson.copy(current, As2ConnectorConfig.class);
        setIfGiven(update.getLocalProfileId(), next::setLocalProfileId);
        setIfGiven(update.getPartnerProfileId(), next::setPartnerProfileId);
        setIfGiven(update.getMessageSubject(), next::setMessageSubject);
        setIfGiven(update.getCompression(), next::setCompression);
        setIfGiven(update.getEncryptionAlgorithm(), next::setEncryptionAlgorithm);
        setIfGiven(update.getSigningAlgorithm(), next::setSigningAlgorithm);
        setIfGiven(update.getMdnSigningAlgorithm(), next::setMdnSigningAlgorithm);
        setIfGiven(update.getMdnResponse(), next::setMdnResponse);
        if (update.getAsyncMdnConfig() != null) {
            next.setAsyncMdnConfig(merge(next.getAsyncMdnConfig(), update.getAsyncMdnConfig()));
        }
        setIfGiven(update.getPreserveContentType(), next::setPreserveContentType);
        if (update.getBasicAuthSecretId() != null) {
            next.setBasicAuthSecretId(update.getBasicAuthSecretId().isEmpty() ? null : update.getBasicAuthSecretId());
        }
        return next;
    }

    /** A partial AsyncMdnConfig: Url alone keeps the ServerIds, as the other As2Config fields are kept. */
    private static io.transferas2.model.As2AsyncMdnConnectorConfig merge(
            io.transferas2.model.As2AsyncMdnConnectorConfig current,
            io.transferas2.model.As2AsyncMdnConnectorConfig update) {
        if (current == null) {
            return update;
        }
        io.transferas2.model.As2AsyncMdnConnectorConfig next = TransferJson.copy(current,
                io.transferas2.model.As2AsyncMdnConnectorConfig.class);
        setIfGiven(update.getUrl(), next::setUrl);
        setIfGiven(update.getServerIds(), next::setServerIds);
        return next;
    }

    private Certificate withStatus(Certificate stored) {
        Certificate copy = TransferJson.copy(stored, Certificate.class);
        copy.setStatus(stored.statusAt(Instant.now(settings.clock())));
        return copy;
    }

    private <T extends TransferResource> T copy(T resource) {
        return TransferJson.copy(resource);
    }

    /** An expired certificate loads (AWS imports it too) but is never used: say so, naming it. */
    private void warnIfNoLongerUsable(CertificateEntry entry) {
        Instant now = Instant.now(settings.clock());
        if (!now.isBefore(io.transferas2.certs.CertificateTimes.end(entry))) {
            LOG.warn("Certificate {} ({}, subject \"{}\", serial {}) is {}: it is loaded but no message will use it",
                    entry.certificateId(), entry.usage(),
                    entry.material().certificate().getSubjectX500Principal().getName(),
                    entry.material().certificate().getSerialNumber().toString(16),
                    io.transferas2.certs.CertificateTimes.state(entry, now));
        }
    }

    private static CertificateEntry entry(Certificate certificate, io.transferas2.certs.KeyMaterial material) {
        return new CertificateEntry(certificate.getCertificateId(), certificate.getUsage(),
                certificate.getActiveDate(), certificate.getInactiveDate(), material);
    }

    private String as2IdOf(String profileId) {
        Profile profile = profiles.get(profileId);
        return profile == null ? "" : profile.getAs2Id();
    }

    private Agreement requireAgreementOnServer(String agreementId, String serverId) {
        if (serverId == null) {
            throw new InvalidRequestException("ServerId is required");
        }
        Agreement agreement = require(agreements, ResourceKind.AGREEMENT, agreementId);
        if (!serverId.equals(agreement.getServerId())) {
            throw new ResourceNotFoundException("Agreement " + agreementId + " does not exist on server " + serverId
                    + ".", ResourceKind.AGREEMENT.displayName(), agreementId);
        }
        return agreement;
    }

    @SuppressWarnings("unchecked")
    private NavigableMap<String, TransferResource> mapOf(ResourceKind kind) {
        return (NavigableMap<String, TransferResource>) (NavigableMap<?, ?>) switch (kind) {
            case CERTIFICATE -> certificates;
            case PROFILE -> profiles;
            case CONNECTOR -> connectors;
            case AGREEMENT -> agreements;
            case SERVER -> servers;
        };
    }

    private static <T extends TransferResource> T require(Map<String, T> map, ResourceKind kind, String id) {
        if (id == null) {
            throw new InvalidRequestException(kind.idField() + " is required");
        }
        T value = map.get(id);
        if (value == null) {
            throw new ResourceNotFoundException(kind, id);
        }
        return value;
    }

    private static void requireAbsent(Map<String, ? extends TransferResource> map, TransferResource resource) {
        if (map.containsKey(resource.id())) {
            throw new ResourceExistsException(resource.kind(), resource.id());
        }
    }

    private static void requireCapacity(int current, int limit, String what) {
        if (current >= limit) {
            throw new InvalidRequestException("Quota reached: at most " + limit + " " + what);
        }
    }

    private <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A change that returns its own undo action. */
    @FunctionalInterface
    private interface Mutation {
        Runnable apply();
    }

    /** Applies a change under the write lock, persists it (undoing it if that fails), then notifies listeners. */
    private String write(ResourceKind kind, String id, Change change, Mutation mutation) {
        lock.writeLock().lock();
        try {
            Runnable undo = mutation.apply();
            RegistryStore current = store;
            if (current != null) {
                try {
                    current.save(snapshotUnlocked());
                } catch (TransferServiceException e) {
                    undo.run();
                    throw e;
                } catch (RegistryConflictException e) {
                    undo.run();
                    throw new ServiceUnavailableException("The change to " + kind.displayName() + " " + id
                            + " was not applied: " + e.getMessage());
                } catch (RuntimeException e) {
                    undo.run();
                    throw new InternalServiceError("The change to " + kind.displayName() + " " + id
                            + " was not applied: the registry could not be saved (" + e.getMessage() + ")", e);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        notifyListeners(new RegistryEvent(kind, id, change));
        return id;
    }

    private void notifyListeners(RegistryEvent event) {
        for (RegistryListener listener : listeners) {
            try {
                listener.onChange(event);
            } catch (RuntimeException e) {
                LOG.warn("Registry listener {} failed on {}: {}", listener, event, e.toString());
            }
        }
    }

    private RegistrySnapshot snapshotUnlocked() {
        // the write lock is held; ReentrantReadWriteLock lets the writer take the read lock too
        return snapshot();
    }

    /** Validation's view of the state; called with a lock held. */
    private final class StateLookup implements ResourceValidator.Lookup {
        @Override
        public Optional<Profile> profile(String id) {
            return Optional.ofNullable(profiles.get(id));
        }

        @Override
        public Optional<Server> server(String id) {
            return Optional.ofNullable(servers.get(id));
        }

        @Override
        public boolean certificateExists(String id) {
            return certificates.containsKey(id);
        }

        @Override
        public List<Agreement> agreementsOf(String serverId) {
            return agreements.values().stream().filter(a -> serverId.equals(a.getServerId())).toList();
        }
    }
}
