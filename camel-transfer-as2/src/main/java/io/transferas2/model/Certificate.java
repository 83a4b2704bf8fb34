package io.transferas2.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An AWS Transfer Family certificate ({@code DescribedCertificate} / {@code ImportCertificate}).
 * <p>
 * {@code PrivateKey}, {@code PrivateKeyPassword} and {@code KeyStore} are input only: the registry moves them into its
 * key storage on import, so a described or serialised certificate never carries key material.
 */
public final class Certificate extends TransferResource {
    private String certificateId;
    private CertificateUsageType usage;
    private CertificateStatusType status;
    private String certificate;
    private String certificateChain;
    private String privateKey;
    private String privateKeyPassword;
    private KeyStoreReference keyStore;
    private Instant activeDate;
    private Instant inactiveDate;
    private Instant notBeforeDate;
    private Instant notAfterDate;
    private String serial;
    private CertificateType type;
    private String description;

    @Override
    public ResourceKind kind() {
        return ResourceKind.CERTIFICATE;
    }

    @Override
    public String id() {
        return certificateId;
    }

    @Override
    public void assignId(String id) {
        this.certificateId = id;
    }

    public String getCertificateId() {
        return certificateId;
    }

    public void setCertificateId(String certificateId) {
        this.certificateId = certificateId;
    }

    public CertificateUsageType getUsage() {
        return usage;
    }

    public void setUsage(CertificateUsageType usage) {
        this.usage = usage;
    }

    public CertificateStatusType getStatus() {
        return status;
    }

    public void setStatus(CertificateStatusType status) {
        this.status = status;
    }

    /** PEM certificate, optionally followed by its chain; or {@code file:}/{@code classpath:} reference on input. */
    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }

    public String getCertificateChain() {
        return certificateChain;
    }

    public void setCertificateChain(String certificateChain) {
        this.certificateChain = certificateChain;
    }

    /** Input only: PEM key (PKCS#1, PKCS#8 or encrypted PKCS#8), a placeholder resolving to one, or a file reference. */
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    /** Input only, extension: password of an encrypted PEM key, as a property placeholder. */
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    public String getPrivateKeyPassword() {
        return privateKeyPassword;
    }

    public void setPrivateKeyPassword(String privateKeyPassword) {
        this.privateKeyPassword = privateKeyPassword;
    }

    /** Input only, extension: import from a PKCS#12 or JKS keystore entry instead of PEM. */
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    public KeyStoreReference getKeyStore() {
        return keyStore;
    }

    public void setKeyStore(KeyStoreReference keyStore) {
        this.keyStore = keyStore;
    }

    /** True when any input-only key field is set. */
    @JsonIgnore
    public boolean hasKeyInput() {
        return privateKey != null || privateKeyPassword != null || keyStore != null;
    }

    /** Drops the input-only key fields. */
    public void clearKeyInput() {
        privateKey = null;
        privateKeyPassword = null;
        keyStore = null;
    }

    public Instant getActiveDate() {
        return activeDate;
    }

    public void setActiveDate(Instant activeDate) {
        this.activeDate = activeDate;
    }

    public Instant getInactiveDate() {
        return inactiveDate;
    }

    public void setInactiveDate(Instant inactiveDate) {
        this.inactiveDate = inactiveDate;
    }

    public Instant getNotBeforeDate() {
        return notBeforeDate;
    }

    public void setNotBeforeDate(Instant notBeforeDate) {
        this.notBeforeDate = notBeforeDate;
    }

    public Instant getNotAfterDate() {
        return notAfterDate;
    }

    public void setNotAfterDate(Instant notAfterDate) {
        this.notAfterDate = notAfterDate;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public CertificateType getType() {
        return type;
    }

    public void setType(CertificateType type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Status at {@code now}: PENDING_ROTATION before ActiveDate, INACTIVE from InactiveDate on, else ACTIVE. */
    public CertificateStatusType statusAt(Instant now) {
        if (activeDate != null && now.isBefore(activeDate)) {
            return CertificateStatusType.PENDING_ROTATION;
        }
        if (inactiveDate != null && !now.isBefore(inactiveDate)) {
            return CertificateStatusType.INACTIVE;
        }
        return CertificateStatusType.ACTIVE;
    }
}
