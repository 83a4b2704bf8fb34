package io.transferas2.as2;

import java.io.IOException;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;

/** Reads the content type OID at the start of a CMS ContentInfo without consuming it, for missing smime-type. */
final class CmsSniffer {
    enum Kind { ENVELOPED, AUTH_ENVELOPED, COMPRESSED, SIGNED, UNKNOWN }

    private CmsSniffer() {
    }

    static Kind sniff(MimeInput in) throws IOException {
        int n = in.fill(64);
        byte[] b = Arrays.copyOfRange(in.array(), in.position(), in.position() + n);
        if (n < 4 || b[0] != 0x30) {
            return Kind.UNKNOWN;
        }
        int i = 1;
        int len = b[i] & 0xff;
        i += len < 0x80 || len == 0x80 ? 1 : 1 + (len & 0x7f);
        if (i + 2 > n || b[i] != 0x06) {
            return Kind.UNKNOWN;
        }
        int oidLen = b[i + 1] & 0xff;
        if (i + 2 + oidLen > n) {
            return Kind.UNKNOWN;
        }
        try {
            ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(
                    ASN1Primitive.fromByteArray(Arrays.copyOfRange(b, i, i + 2 + oidLen)));
            if (oid.equals(CMSObjectIdentifiers.envelopedData)) {
                return Kind.ENVELOPED;
            }
            if (oid.equals(CMSObjectIdentifiers.authEnvelopedData)) {
                return Kind.AUTH_ENVELOPED;
            }
            if (oid.equals(CMSObjectIdentifiers.compressedData)) {
                return Kind.COMPRESSED;
            }
            if (oid.equals(CMSObjectIdentifiers.signedData)) {
                return Kind.SIGNED;
            }
        } catch (IOException | IllegalArgumentException e) {
            return Kind.UNKNOWN;
        }
        return Kind.UNKNOWN;
    }
}
