package io.transferas2.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The non-AWS member {@code As2Config.Extensions} of a connector: algorithms AWS does not offer, opted into per
 * connector. Accepted only in registry files (the API, which follows AWS's service model, refuses it in requests and
 * leaves it out of responses, and keeps it across an UpdateConnector). Unset members keep AWS's behaviour.
 * <ul>
 * <li>{@code EncryptionAlgorithm}: AES128_GCM or AES256_GCM; replaces {@code As2Config.EncryptionAlgorithm}, which
 * must not be NONE.</li>
 * <li>{@code KeyEncryptionAlgorithm}: RSAES_PKCS1_V1_5 (default) or RSAES_OAEP (SHA-256, MGF1-SHA-256).</li>
 * <li>{@code SignatureAlgorithm}: RSASSA_PKCS1_V1_5 (default) or RSASSA_PSS; the digest stays
 * {@code As2Config.SigningAlgorithm}, which must not be NONE.</li>
 * </ul>
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class As2ConnectorExtensions {
    private As2Algorithm encryptionAlgorithm;
    private As2Algorithm keyEncryptionAlgorithm;
    private As2Algorithm signatureAlgorithm;

    public As2Algorithm getEncryptionAlgorithm() {
        return encryptionAlgorithm;
    }

    public void setEncryptionAlgorithm(As2Algorithm encryptionAlgorithm) {
        this.encryptionAlgorithm = encryptionAlgorithm;
    }

    public As2Algorithm getKeyEncryptionAlgorithm() {
        return keyEncryptionAlgorithm;
    }

    public void setKeyEncryptionAlgorithm(As2Algorithm keyEncryptionAlgorithm) {
        this.keyEncryptionAlgorithm = keyEncryptionAlgorithm;
    }

    public As2Algorithm getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    public void setSignatureAlgorithm(As2Algorithm signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** Key transport in effect: RSAES_PKCS1_V1_5 when unset. */
    public As2Algorithm effectiveKeyEncryptionAlgorithm() {
        return keyEncryptionAlgorithm == null ? As2Algorithm.RSAES_PKCS1_V1_5 : keyEncryptionAlgorithm;
    }

    /** Signature scheme in effect: RSASSA_PKCS1_V1_5 when unset. */
    public As2Algorithm effectiveSignatureAlgorithm() {
        return signatureAlgorithm == null ? As2Algorithm.RSASSA_PKCS1_V1_5 : signatureAlgorithm;
    }
}
