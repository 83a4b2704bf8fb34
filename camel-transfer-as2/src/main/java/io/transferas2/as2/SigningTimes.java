package io.transferas2.as2;

import java.text.ParseException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.SignerInformation;

/**
 * The CMS signing-time attribute of a signer, read the way BouncyCastle reads it but without its
 * {@code SimpleDateFormat} per call for the usual form, UTCTime {@code YYMMDDhhmmssZ} (RFC 5652 requires UTCTime
 * for dates before 2050; years below 50 are 20xx, as RFC 5280 says). Other forms go through BouncyCastle.
 */
final class SigningTimes {
    private SigningTimes() {
    }

    /** The signing time, or null when the signer has none. */
    static Date of(SignerInformation signer) throws CMSException {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return null;
        }
        ASN1Set values = attribute.getAttrValues();
        if (values.size() != 1) {
            throw new CMSException("the signing-time attribute must have exactly one value");
        }
        ASN1Primitive value = values.getObjectAt(0).toASN1Primitive();
        if (value instanceof ASN1UTCTime utc) {
            Date fast = utcZulu(utc.getTime());
            if (fast != null) {
                return fast;
            }
        }
        try {
            return Time.getInstance(value).getDate();
        } catch (RuntimeException e) {
            throw new CMSException("unreadable signing-time attribute: " + e.getMessage(), e);
        }
    }

    /** {@code YYMMDDhhmmssGMT+00:00} (BouncyCastle's normalised UTCTime); null for any other shape. */
    static Date utcZulu(String time) {
        if (time.length() != 21 || !time.endsWith("GMT+00:00")) {
            return null;
        }
        for (int i = 0; i < 12; i++) {
            if (time.charAt(i) < '0' || time.charAt(i) > '9') {
                return null;
            }
        }
        int yy = two(time, 0);
        try {
            LocalDateTime t = LocalDateTime.of(yy < 50 ? 2000 + yy : 1900 + yy, two(time, 2), two(time, 4),
                    two(time, 6), two(time, 8), two(time, 10));
            return Date.from(t.toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int two(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }

    /** For tests: what BouncyCastle's own reading gives. */
    static Date viaBouncyCastle(ASN1UTCTime time) throws ParseException {
        return time.getAdjustedDate();
    }
}
