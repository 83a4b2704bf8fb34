package io.transferas2.as2;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import io.transferas2.model.As2Algorithm;

/**
 * Verifies a detached CMS signature against digests computed while the content streamed past. Only the partner's
 * certificates count: certificates embedded in the message are never trusted on their own. Certificate validity is
 * checked at the CMS signingTime (BouncyCastle's rule), not at the current time, so archived messages still verify.
 */
final class SignatureCheck {
    private static final int MAX_CACHED_CERTIFICATES = 256;
    private static final Map<X509Certificate, Verifying> VERIFYING = new ConcurrentHashMap<>();

    private SignatureCheck() {
    }

    /** The result: who signed, with what digest, and which candidate digest set matched (0 = the exact bytes). */
    record Result(X509Certificate signer, MicAlgorithm digestAlgorithm, int candidate, As2Algorithm scheme) {
    }

    /**
     * Parses the signature block.
     *
     * @throws As2Exception DECRYPT_FAILED_INVALID_SMIME_FORMAT when the block is not CMS SignedData
     */
    static CMSSignedData parse(byte[] signature) {
        // lazy: the embedded certificates, which are never trusted, stay unparsed bytes; a full parse of a one-
        // certificate signature costs about 4 times as much (9 against 2.4 microseconds, one thread)
        try (ASN1InputStream in = new ASN1InputStream(signature, true)) {
            ASN1Primitive object = in.readObject();
            if (in.available() != 0) {
                throw new IOException("extra data after the signature");
            }
            return new CMSSignedData(ContentInfo.getInstance(object));
        } catch (Exception e) {
            throw new As2Exception(As2FailureCode.DECRYPT_FAILED_INVALID_SMIME_FORMAT,
                    DispositionModifier.INTEGRITY_CHECK_FAILED,
                    "signature part is not a CMS SignedData structure: " + e.getMessage(), e);
        }
    }

    /** Verifies against one set of content digests. */
    static Result verify(byte[] signature, Map<MicAlgorithm, byte[]> digests, Collection<X509Certificate> partner,
                         As2FailureCode noMatch) {
        return verify(signature, List.of(digests), partner, noMatch, "");
    }

    /** Verifies against one set of content digests; {@code note} explains unusable partner certificates. */
    static Result verify(byte[] signature, Map<MicAlgorithm, byte[]> digests, Collection<X509Certificate> partner,
                         As2FailureCode noMatch, String note) {
        return verify(signature, List.of(digests), partner, noMatch, note);
    }

    /**
     * Verifies the first signer of {@code signature} over content whose digests are given, trying each candidate
     * digest set in order (the exact bytes first, then any fallback form) for a partner certificate the signer names.
     *
     * @param noMatch the failure code when no partner certificate matches the signer (VERIFICATION_FAILED for
     *                messages, VERIFICATION_FAILED_NO_MATCHING_KEY_FOUND for MDNs)
     */
    static Result verify(byte[] signature, List<Map<MicAlgorithm, byte[]>> candidates,
                         Collection<X509Certificate> partner, As2FailureCode noMatch) {
        return verify(signature, candidates, partner, noMatch, "");
    }

    /**
     * As {@link #verify(byte[], List, Collection, As2FailureCode)}; {@code note} (may be empty) names the partner
     * certificates that were left out because they are not active now, so the error gives the real cause.
     */
    static Result verify(byte[] signature, List<Map<MicAlgorithm, byte[]>> candidates,
                         Collection<X509Certificate> partner, As2FailureCode noMatch, String note) {
        ContentInfo info = parse(signature).toASN1Structure();
        SignerInformation signer = signer(info, candidates.get(0));
        if (partner.isEmpty()) {
            throw new As2Exception(noMatch, DispositionModifier.AUTHENTICATION_FAILED,
                    note.isEmpty() ? "no partner signing certificate is configured to verify the signature"
                            : "no partner signing certificate is usable to verify the signature: " + note);
        }
        MicAlgorithm digestAlg = MicAlgorithm.fromOid(new ASN1ObjectIdentifier(signer.getDigestAlgOID()))
                .orElseThrow(() -> Failures.integrity("unsupported signature digest " + signer.getDigestAlgOID(),
                        null));
        if (!candidates.get(0).containsKey(digestAlg)) {
            throw Failures.integrity("the signature uses " + digestAlg + " but micalg announced "
                    + candidates.get(0).keySet() + "; the content was digested with those", null);
        }
        As2Algorithm scheme = SignatureSchemes.of(signer);
        if (scheme == null) {
            throw Failures.integrity("unsupported signature algorithm " + signer.getEncryptionAlgOID()
                    + " (supported: RSA PKCS #1 v1.5 and RSASSA-PSS)", null);
        }
        String lastError = null;
        boolean sidMatched = false;
        for (X509Certificate cert : partner) {
            Verifying verifying;
            try {
                verifying = verifying(cert);
            } catch (Exception e) {
                continue;
            }
            if (!signer.getSID().match(verifying.holder())) {
                continue;
            }
            sidMatched = true;
            for (int c = 0; c < candidates.size(); c++) {
                try {
                    SignerInformation candidate = c == 0 ? signer : signer(info, candidates.get(c));
                    Date signedAt = SigningTimes.of(candidate);
                    if (signedAt != null
                            && (signedAt.before(cert.getNotBefore()) || signedAt.after(cert.getNotAfter()))) {
                        throw new CMSVerifierCertificateNotValidException("not valid at the signing time");
                    }
                    if (candidate.verify(scheme == As2Algorithm.RSASSA_PSS ? verifying.pss()
                            : verifying.verifier())) {
                        return new Result(cert, digestAlg, c, scheme);
                    }
                    lastError = "signature value does not verify";
                } catch (CMSSignerDigestMismatchException e) {
                    lastError = "content digest does not match the signature: the signed content was altered or "
                            + "re-encoded in transit";
                } catch (CMSVerifierCertificateNotValidException e) {
                    lastError = "partner certificate " + cert.getSubjectX500Principal().getName()
                            + " was not valid at the signing time";
                } catch (CMSException | RuntimeException e) {
                    lastError = e.getMessage();
                }
            }
        }
        if (!sidMatched) {
            throw new As2Exception(noMatch, DispositionModifier.AUTHENTICATION_FAILED,
                    "the message was signed by " + describe(signer) + ", which matches none of the "
                            + partner.size() + " partner signing certificate(s) usable now"
                            + (note.isEmpty() ? "" : "; " + note));
        }
        throw Failures.integrity("signature verification failed: " + lastError, null);
    }

    private static SignerInformation signer(ContentInfo info, Map<MicAlgorithm, byte[]> digests) {
        Map<ASN1ObjectIdentifier, byte[]> hashes = new HashMap<>();
        digests.forEach((a, d) -> hashes.put(a.oid(), d));
        List<SignerInformation> signers;
        try {
            signers = List.copyOf(new CMSSignedData(hashes, info).getSignerInfos().getSigners());
        } catch (CMSException | RuntimeException e) {
            throw Failures.integrity("unreadable signature: " + e.getMessage(), e);
        }
        if (signers.isEmpty()) {
            throw Failures.integrity("the signature has no signer", null);
        }
        return signers.get(0);
    }

    /**
     * A partner certificate parsed for BouncyCastle and its verifier, built once per certificate: the builders fill
     * several algorithm maps on every call (4 % of a receiver's CPU per 10 KB message in the benchmark's profile).
     * Both are immutable; each verification takes fresh Signature and digest objects from them.
     */
    private record Verifying(X509CertificateHolder holder, SignerInformationVerifier verifier,
                             SignerInformationVerifier pss) {
    }

    private static Verifying verifying(X509Certificate cert) throws CertificateEncodingException,
            OperatorCreationException {
        Verifying v = VERIFYING.get(cert);
        if (v == null) {
            if (VERIFYING.size() >= MAX_CACHED_CERTIFICATES) {
                // certificates rotate rarely; a full cache means churn, so start again rather than grow
                VERIFYING.clear();
            }
            // built from the key, not the certificate: BouncyCastle would then check the certificate's validity at
            // the signing time with a new SimpleDateFormat per message; verify() checks it through SigningTimes
            v = new Verifying(new JcaX509CertificateHolder(cert),
                    new JcaSimpleSignerInfoVerifierBuilder().build(cert.getPublicKey()),
                    new JcaSimpleSignerInfoVerifierBuilder().setProvider(SignatureSchemes.BC)
                            .build(cert.getPublicKey()));
            VERIFYING.put(cert, v);
        }
        return v;
    }

    private static String describe(SignerInformation signer) {
        if (signer.getSID().getIssuer() != null) {
            return "issuer \"" + signer.getSID().getIssuer() + "\" serial " + signer.getSID().getSerialNumber();
        }
        return "a certificate with subject key identifier";
    }
}
