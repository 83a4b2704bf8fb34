package io.transferas2.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A connector's AS2 settings ({@code As2ConnectorConfig}). Unset fields take the documented defaults of the
 * {@code effective*} methods; the stored object keeps exactly what was given, like AWS's describe output.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class As2ConnectorConfig {
    private String localProfileId;
    private String partnerProfileId;
    private String messageSubject;
    private CompressionEnum compression;
    private EncryptionAlg encryptionAlgorithm;
    private SigningAlg signingAlgorithm;
    private MdnSigningAlg mdnSigningAlgorithm;
    private MdnResponse mdnResponse;
    private As2AsyncMdnConnectorConfig asyncMdnConfig;
    private String basicAuthSecretId;
    private PreserveContentType preserveContentType;
    private As2ConnectorExtensions extensions;

    public String getLocalProfileId() {
        return localProfileId;
    }

    public void setLocalProfileId(String localProfileId) {
        this.localProfileId = localProfileId;
    }

    public String getPartnerProfileId() {
        return partnerProfileId;
    }

    public void setPartnerProfileId(String partnerProfileId) {
        this.partnerProfileId = partnerProfileId;
    }

    public String getMessageSubject() {
        return messageSubject;
    }

    public void setMessageSubject(String messageSubject) {
        this.messageSubject = messageSubject;
    }

    public CompressionEnum getCompression() {
        return compression;
    }

    public void setCompression(CompressionEnum compression) {
        this.compression = compression;
    }

    public EncryptionAlg getEncryptionAlgorithm() {
        return encryptionAlgorithm;
    }

    public void setEncryptionAlgorithm(EncryptionAlg encryptionAlgorithm) {
        this.encryptionAlgorithm = encryptionAlgorithm;
    }

    public SigningAlg getSigningAlgorithm() {
        return signingAlgorithm;
    }

    public void setSigningAlgorithm(SigningAlg signingAlgorithm) {
        this.signingAlgorithm = signingAlgorithm;
    }

    public MdnSigningAlg getMdnSigningAlgorithm() {
        return mdnSigningAlgorithm;
    }

    public void setMdnSigningAlgorithm(MdnSigningAlg mdnSigningAlgorithm) {
        this.mdnSigningAlgorithm = mdnSigningAlgorithm;
    }

    public MdnResponse getMdnResponse() {
        return mdnResponse;
    }

    public void setMdnResponse(MdnResponse mdnResponse) {
        this.mdnResponse = mdnResponse;
    }

    public As2AsyncMdnConnectorConfig getAsyncMdnConfig() {
        return asyncMdnConfig;
    }

    public void setAsyncMdnConfig(As2AsyncMdnConnectorConfig asyncMdnConfig) {
        this.asyncMdnConfig = asyncMdnConfig;
    }

    /** Name of the secret holding {@code {"Username":..,"Password":..}}; null or empty means no Basic auth. */
    public String getBasicAuthSecretId() {
        return basicAuthSecretId;
    }

    public void setBasicAuthSecretId(String basicAuthSecretId) {
        this.basicAuthSecretId = basicAuthSecretId;
    }

    public PreserveContentType getPreserveContentType() {
        return preserveContentType;
    }

    public void setPreserveContentType(PreserveContentType preserveContentType) {
        this.preserveContentType = preserveContentType;
    }

    /** The non-AWS extension (registry files only); null when the connector uses AWS's algorithms only. */
    public As2ConnectorExtensions getExtensions() {
        return extensions;
    }

    public void setExtensions(As2ConnectorExtensions extensions) {
        this.extensions = extensions;
    }

    /**
     * Content encryption in effect, extension included: the extension's EncryptionAlgorithm when set, else the AWS
     * one; null for NONE.
     */
    public As2Algorithm effectiveContentEncryption() {
        if (extensions != null && extensions.getEncryptionAlgorithm() != null) {
            return extensions.getEncryptionAlgorithm();
        }
        return As2Algorithm.ofAws(effectiveEncryptionAlgorithm());
    }

    /** Key transport in effect: RSAES_PKCS1_V1_5 unless the extension says otherwise. */
    public As2Algorithm effectiveKeyEncryptionAlgorithm() {
        return extensions == null ? As2Algorithm.RSAES_PKCS1_V1_5 : extensions.effectiveKeyEncryptionAlgorithm();
    }

    /** Signature scheme in effect: RSASSA_PKCS1_V1_5 unless the extension says otherwise. */
    public As2Algorithm effectiveSignatureScheme() {
        return extensions == null ? As2Algorithm.RSASSA_PKCS1_V1_5 : extensions.effectiveSignatureAlgorithm();
    }

    /** Compression in effect: DISABLED when unset. */
    public CompressionEnum effectiveCompression() {
        return compression == null ? CompressionEnum.DISABLED : compression;
    }

    /** Encryption in effect: AES256_CBC when unset (AWS documents no default; we pick the strongest it offers). */
    public EncryptionAlg effectiveEncryptionAlgorithm() {
        return encryptionAlgorithm == null ? EncryptionAlg.AES256_CBC : encryptionAlgorithm;
    }

    /** Signing in effect: SHA256 when unset. */
    public SigningAlg effectiveSigningAlgorithm() {
        return signingAlgorithm == null ? SigningAlg.SHA256 : signingAlgorithm;
    }

    /**
     * The MDN signing digest to request: DEFAULT (or unset) resolves to the effective SigningAlgorithm, NONE means an
     * unsigned MDN.
     */
    public SigningAlg effectiveMdnSigningAlgorithm() {
        if (mdnSigningAlgorithm == null || mdnSigningAlgorithm == MdnSigningAlg.DEFAULT) {
            return effectiveSigningAlgorithm();
        }
        return SigningAlg.valueOf(mdnSigningAlgorithm.name());
    }

    /** MDN mode in effect: SYNC when unset. */
    public MdnResponse effectiveMdnResponse() {
        return mdnResponse == null ? MdnResponse.SYNC : mdnResponse;
    }

    /** PreserveContentType in effect: DISABLED when unset, as in AWS's API. */
    public PreserveContentType effectivePreserveContentType() {
        return preserveContentType == null ? PreserveContentType.DISABLED : preserveContentType;
    }

    /** True when Basic auth is configured (an empty BasicAuthSecretId clears it, as in AWS). */
    public boolean hasBasicAuth() {
        return basicAuthSecretId != null && !basicAuthSecretId.isEmpty();
    }
}
