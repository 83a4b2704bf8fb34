package io.transferas2.as2;

import java.security.PrivateKey;
import java.security.Provider;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.transferas2.model.As2Algorithm;

/**
 * RSA signature schemes: PKCS #1 v1.5 (what AWS produces) and RSASSA-PSS (RFC 4056: MGF1 over the signature digest,
 * a salt as long as the digest, trailer 1). PSS goes through a private BouncyCastle provider instance, which names the
 * scheme {@code SHA256withRSAandMGF1} as BouncyCastle's CMS builders expect; it is never registered globally.
 */
final class SignatureSchemes {
    /** BouncyCastle's JCA provider, for PSS. */
    static final Provider BC = new BouncyCastleProvider();

    private SignatureSchemes() {
    }

    /** A signer of the scheme and digest. */
    static ContentSigner signer(As2Algorithm scheme, MicAlgorithm digest, PrivateKey key)
            throws OperatorCreationException {
        if (scheme == As2Algorithm.RSASSA_PSS) {
            String name = digest.jcaName().replace("-", "") + "withRSAandMGF1";
            return new JcaContentSignerBuilder(name).setProvider(BC).build(key);
        }
        JcaContentSignerBuilder csb = new JcaContentSignerBuilder(digest.signatureAlgorithm());
        if (JdkProviders.SIGNATURE != null) {
            csb.setProvider(JdkProviders.SIGNATURE);
        }
        return csb.build(key);
    }

    /** The scheme of a signer: PSS for id-RSASSA-PSS, PKCS #1 v1.5 for the rsaEncryption OIDs, else null. */
    static As2Algorithm of(SignerInformation signer) {
        ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return As2Algorithm.RSASSA_PSS;
        }
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.on(PKCSObjectIdentifiers.pkcs_1)) {
            return As2Algorithm.RSASSA_PKCS1_V1_5;
        }
        return null;
    }

    /** The key transport of a RecipientInfo's key encryption OID; null for others. */
    static As2Algorithm keyTransport(String keyEncryptionOid) {
        if (PKCSObjectIdentifiers.id_RSAES_OAEP.getId().equals(keyEncryptionOid)) {
            return As2Algorithm.RSAES_OAEP;
        }
        if (PKCSObjectIdentifiers.rsaEncryption.getId().equals(keyEncryptionOid)) {
            return As2Algorithm.RSAES_PKCS1_V1_5;
        }
        return null;
    }
}
