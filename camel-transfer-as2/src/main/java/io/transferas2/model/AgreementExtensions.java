package io.transferas2.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The non-AWS member {@code Extensions} of an agreement. Accepted only in registry files, like
 * {@link As2ConnectorExtensions}.
 * <ul>
 * <li>{@code RefusedAlgorithms}: the agreement's minimum-security policy, algorithms an inbound message may not use
 * (for example {@code [DES_EDE3_CBC, SHA1]}). A message using one is refused with {@code
 * insufficient-message-security}.</li>
 * <li>{@code MdnSignatureAlgorithm}: RSASSA_PKCS1_V1_5 (default) or RSASSA_PSS, the scheme of the MDNs this agreement
 * signs; the digest is the one the partner asked for.</li>
 * </ul>
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class AgreementExtensions {
    private List<As2Algorithm> refusedAlgorithms;
    private As2Algorithm mdnSignatureAlgorithm;

    public List<As2Algorithm> getRefusedAlgorithms() {
        return refusedAlgorithms;
    }

    public void setRefusedAlgorithms(List<As2Algorithm> refusedAlgorithms) {
        // not List.copyOf, which throws on an empty entry before the validator can name it
        this.refusedAlgorithms = refusedAlgorithms == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(refusedAlgorithms));
    }

    public As2Algorithm getMdnSignatureAlgorithm() {
        return mdnSignatureAlgorithm;
    }

    public void setMdnSignatureAlgorithm(As2Algorithm mdnSignatureAlgorithm) {
        this.mdnSignatureAlgorithm = mdnSignatureAlgorithm;
    }

    /** MDN signature scheme in effect: RSASSA_PKCS1_V1_5 when unset. */
    public As2Algorithm effectiveMdnSignatureAlgorithm() {
        return mdnSignatureAlgorithm == null ? As2Algorithm.RSASSA_PKCS1_V1_5 : mdnSignatureAlgorithm;
    }
}
