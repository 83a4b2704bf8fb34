package io.transferas2.certs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import io.transferas2.model.CertificateUsageType;
import io.transferas2.registry.CertificateEntry;

/**
 * The time rule of a certificate in words: a certificate is usable at t when ActiveDate &lt;= t &lt; InactiveDate and
 * NotBefore &lt;= t &lt;= NotAfter (AWS's rule); this class names the bound that rules one out.
 */
public final class CertificateTimes {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CertificateTimes() {
    }

    /** "inactive since 2020-06-23 (NotAfter)", "not active until 2030-01-01 (ActiveDate)" or "active". */
    public static String state(CertificateEntry e, Instant at) {
        Instant notBefore = e.material().notBefore();
        Instant notAfter = e.material().notAfter();
        if (at.isBefore(e.activeDate()) || at.isBefore(notBefore)) {
            boolean byActive = e.activeDate().isAfter(notBefore);
            return "not active until " + DAY.format(byActive ? e.activeDate() : notBefore)
                    + (byActive ? " (ActiveDate)" : " (NotBefore)");
        }
        if (!at.isBefore(e.inactiveDate()) || at.isAfter(notAfter)) {
            boolean byNotAfter = !notAfter.isAfter(e.inactiveDate());
            return "inactive since " + DAY.format(byNotAfter ? notAfter : e.inactiveDate())
                    + (byNotAfter ? " (NotAfter)" : " (InactiveDate)");
        }
        return "active";
    }

    /** The date a certificate stops being usable: the earlier of InactiveDate and NotAfter. */
    public static Instant end(CertificateEntry e) {
        Instant notAfter = e.material().notAfter();
        return notAfter.isBefore(e.inactiveDate()) ? notAfter : e.inactiveDate();
    }

    static String explain(String profile, List<CertificateEntry> all, CertificateUsageType usage, boolean needKey,
                          Instant at) {
        List<CertificateEntry> ofUsage = all.stream().filter(e -> e.usage() == usage).toList();
        if (ofUsage.isEmpty()) {
            return profile + " has no " + usage + " certificate";
        }
        if (needKey && ofUsage.stream().noneMatch(e -> e.material().hasPrivateKey())) {
            return profile + " has " + usage + " " + plural(ofUsage) + " " + ids(ofUsage)
                    + " without a private key; signing and decryption need one";
        }
        List<CertificateEntry> candidates = needKey
                ? ofUsage.stream().filter(e -> e.material().hasPrivateKey()).toList() : ofUsage;
        return describeUnusable(profile, candidates, at) + "; no " + usage + " certificate of the profile is active "
                + "now";
    }

    static String describeUnusable(String profile, List<CertificateEntry> entries, Instant at) {
        String list = entries.stream().map(e -> e.certificateId() + ", " + state(e, at))
                .collect(Collectors.joining("; "));
        return profile + " has " + entries.get(0).usage() + " " + plural(entries) + " " + list;
    }

    private static String plural(List<CertificateEntry> entries) {
        return entries.size() == 1 ? "certificate" : "certificates";
    }

    private static String ids(List<CertificateEntry> entries) {
        return entries.stream().map(CertificateEntry::certificateId).collect(Collectors.joining(", "));
    }
}
