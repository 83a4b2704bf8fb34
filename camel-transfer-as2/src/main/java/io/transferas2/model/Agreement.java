package io.transferas2.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An inbound AS2 agreement ({@code DescribedAgreement}): messages to a server from the partner profile's As2Id to the
 * local profile's As2Id land in BaseDirectory, or in CustomDirectories, never both.
 */
public final class Agreement extends TransferResource {
    private String agreementId;
    private String serverId;
    private String localProfileId;
    private String partnerProfileId;
    private AgreementStatusType status;
    private PreserveFilenameType preserveFilename;
    private EnforceMessageSigningType enforceMessageSigning;
    private String description;
    private String accessRole;
    private String baseDirectory;
    private CustomDirectories customDirectories;
    private AgreementExtensions extensions;

    @Override
    public ResourceKind kind() {
        return ResourceKind.AGREEMENT;
    }

    @Override
    public String id() {
        return agreementId;
    }

    @Override
    public void assignId(String id) {
        this.agreementId = id;
    }

    public String getAgreementId() {
        return agreementId;
    }

    public void setAgreementId(String agreementId) {
        this.agreementId = agreementId;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

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

    public AgreementStatusType getStatus() {
        return status;
    }

    public void setStatus(AgreementStatusType status) {
        this.status = status;
    }

    public PreserveFilenameType getPreserveFilename() {
        return preserveFilename;
    }

    public void setPreserveFilename(PreserveFilenameType preserveFilename) {
        this.preserveFilename = preserveFilename;
    }

    public EnforceMessageSigningType getEnforceMessageSigning() {
        return enforceMessageSigning;
    }

    public void setEnforceMessageSigning(EnforceMessageSigningType enforceMessageSigning) {
        this.enforceMessageSigning = enforceMessageSigning;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getAccessRole() {
        return accessRole;
    }

    public void setAccessRole(String accessRole) {
        this.accessRole = accessRole;
    }

    public String getBaseDirectory() {
        return baseDirectory;
    }

    public void setBaseDirectory(String baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    public CustomDirectories getCustomDirectories() {
        return customDirectories;
    }

    public void setCustomDirectories(CustomDirectories customDirectories) {
        this.customDirectories = customDirectories;
    }

    /** The non-AWS extension (registry files only): minimum-security policy and MDN signature scheme; or null. */
    public AgreementExtensions getExtensions() {
        return extensions;
    }

    public void setExtensions(AgreementExtensions extensions) {
        this.extensions = extensions;
    }

    /** True only for an ACTIVE agreement (unset status counts as ACTIVE, the AWS default). */
    @JsonIgnore
    public boolean isActive() {
        return status == null || status == AgreementStatusType.ACTIVE;
    }

    /** True when PreserveFilename is ENABLED (default DISABLED). */
    public boolean preservesFilename() {
        return preserveFilename == PreserveFilenameType.ENABLED;
    }

    /** True when EnforceMessageSigning is ENABLED (default DISABLED). */
    public boolean enforcesSigning() {
        return enforceMessageSigning == EnforceMessageSigningType.ENABLED;
    }

    /** The minimum-security policy: algorithms inbound messages may not use (extension; empty by default). */
    public java.util.List<As2Algorithm> refusedAlgorithms() {
        return extensions == null || extensions.getRefusedAlgorithms() == null ? java.util.List.of()
                : extensions.getRefusedAlgorithms();
    }

    /** The scheme of the MDNs signed under this agreement: RSASSA_PKCS1_V1_5 unless the extension says PSS. */
    public As2Algorithm mdnSignatureScheme() {
        return extensions == null ? As2Algorithm.RSASSA_PKCS1_V1_5 : extensions.effectiveMdnSignatureAlgorithm();
    }
}
