package io.transferas2.as2;

import java.io.IOException;
import java.io.OutputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;

import io.transferas2.model.As2Algorithm;

/**
 * Produces a detached CMS SignedData (RFC 5652) from a digest the caller already computed while streaming the content,
 * so the content is read once for both the signature and the MIC. Signed attributes: content type, signing time,
 * message digest and, unless turned off for old IBM Sterling partners, CMS algorithm protection (RFC 6211). The
 * signer certificate and its chain are embedded.
 */
final class DetachedSigner {
    private DetachedSigner() {
    }

    static byte[] sign(MicAlgorithm digestAlgorithm, byte[] digest, PrivateKey key, List<X509Certificate> chain,
                       boolean algorithmProtection) {
        return sign(As2Algorithm.RSASSA_PKCS1_V1_5, digestAlgorithm, digest, key, chain, algorithmProtection);
    }

    /** As above, with the signature scheme: RSASSA_PKCS1_V1_5 or RSASSA_PSS. */
    static byte[] sign(As2Algorithm scheme, MicAlgorithm digestAlgorithm, byte[] digest, PrivateKey key,
                       List<X509Certificate> chain, boolean algorithmProtection) {
        try {
            ContentSigner signer = SignatureSchemes.signer(scheme, digestAlgorithm, key);
            JcaSignerInfoGeneratorBuilder sigb =
                    new JcaSignerInfoGeneratorBuilder(precomputed(digestAlgorithm, digest));
            if (!algorithmProtection) {
                sigb.setSignedAttributeGenerator(new WithoutAlgorithmProtection());
            }
            SignerInfoGenerator sig = sigb.build(signer, chain.get(0));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(sig);
            gen.addCertificates(new JcaCertStore(new ArrayList<>(chain)));
            return gen.generate(new CMSAbsentContent(), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException
                 | RuntimeException e) {
            throw new As2Exception(As2FailureCode.SIGNING_FAILED, DispositionModifier.UNEXPECTED_PROCESSING_ERROR,
                    "cannot sign with " + digestAlgorithm + " " + scheme + ": " + e.getMessage(), e);
        }
    }

    private static DigestCalculatorProvider precomputed(MicAlgorithm algorithm, byte[] digest) {
        return algId -> {
            if (!algId.getAlgorithm().equals(algorithm.oid())) {
                throw new OperatorCreationException("digest " + algId.getAlgorithm() + " was not precomputed");
            }
            return new DigestCalculator() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algId;
                }

                @Override
                public OutputStream getOutputStream() {
                    return OutputStream.nullOutputStream();
                }

                @Override
                public byte[] getDigest() {
                    return digest.clone();
                }
            };
        };
    }

    /** BouncyCastle's standard attributes minus cmsAlgorithmProtect, which old IBM Sterling releases reject. */
    private static final class WithoutAlgorithmProtection implements CMSAttributeTableGenerator {
        private final DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator();

        @Override
        @SuppressWarnings("rawtypes")
        public AttributeTable getAttributes(Map parameters) {
            Hashtable table = standard.getAttributes(parameters).toHashtable();
            table.remove(CMSAttributes.cmsAlgorithmProtect);
            return new AttributeTable(table);
        }
    }
}
