package io.transferas2.as2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Disposition-Notification-Options} header (RFC 4130 section 7.3): whether a signed receipt is wanted and
 * with which MIC algorithms, e.g. {@code signed-receipt-protocol=optional, pkcs7-signature;
 * signed-receipt-micalg=optional, sha-256, sha-1}. Parsing is lenient about case, spaces and importance values.
 *
 * @param signedReceiptProtocol  the protocol asked for (normally {@code pkcs7-signature}), or null
 * @param protocolImportance     {@code required} or {@code optional}, or null
 * @param micAlgorithmNames      the micalg tokens exactly as the partner spelled them, in preference order
 */
public record DispositionNotificationOptions(String signedReceiptProtocol, String protocolImportance,
                                             List<String> micAlgorithmNames) {

    private static final DispositionNotificationOptions NONE = new DispositionNotificationOptions(null, null,
            List.of());

    public DispositionNotificationOptions {
        micAlgorithmNames = List.copyOf(micAlgorithmNames);
    }

    /** No options: the partner did not ask for a signed receipt. */
    public static DispositionNotificationOptions none() {
        return NONE;
    }

    /** Options asking for a pkcs7-signature receipt with the given MIC algorithms, in RFC 5751 spelling. */
    public static DispositionNotificationOptions signedReceipt(MicAlgorithm... algorithms) {
        List<String> names = new ArrayList<>();
        for (MicAlgorithm a : algorithms) {
            names.add(a.rfc5751Name());
        }
        return new DispositionNotificationOptions("pkcs7-signature", "optional", names);
    }

    /** Parses a header value; null or blank gives {@link #none()}. */
    public static DispositionNotificationOptions parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String protocol = null;
        String importance = null;
        List<String> micalgs = new ArrayList<>();
        for (String param : header.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            for (String v : param.substring(eq + 1).split(",")) {
                String t = v.trim().replace("\"", "");
                if (!t.isEmpty()) {
                    values.add(t);
                }
            }
            String imp = null;
            if (!values.isEmpty() && isImportance(values.get(0))) {
                imp = values.remove(0).toLowerCase(Locale.ROOT);
            }
            if (name.equals("signed-receipt-protocol")) {
                protocol = values.isEmpty() ? null : values.get(0);
                importance = imp;
            } else if (name.equals("signed-receipt-micalg")) {
                micalgs.addAll(values);
            }
        }
        return new DispositionNotificationOptions(protocol, importance, micalgs);
    }

    /** True when a signed receipt was asked for (a pkcs7-signature protocol or at least one micalg). */
    public boolean signedReceiptRequested() {
        return (signedReceiptProtocol != null && signedReceiptProtocol.toLowerCase(Locale.ROOT).contains("pkcs7"))
                || !micAlgorithmNames.isEmpty();
    }

    /** The first requested MIC algorithm we support, with the partner's spelling. */
    public Optional<Requested> preferredMicAlgorithm() {
        for (String name : micAlgorithmNames) {
            Optional<MicAlgorithm> a = MicAlgorithm.fromName(name);
            if (a.isPresent()) {
                return Optional.of(new Requested(a.get(), name));
            }
        }
        return Optional.empty();
    }

    /** The header value, e.g. {@code signed-receipt-protocol=optional, pkcs7-signature; ...}. */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder();
        if (signedReceiptProtocol != null) {
            sb.append("signed-receipt-protocol=").append(protocolImportance == null ? "optional" : protocolImportance)
                    .append(", ").append(signedReceiptProtocol);
        }
        if (!micAlgorithmNames.isEmpty()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append("signed-receipt-micalg=").append(protocolImportance == null ? "optional" : protocolImportance)
                    .append(", ").append(String.join(", ", micAlgorithmNames));
        }
        return sb.toString();
    }

    private static boolean isImportance(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.equals("optional") || l.equals("required");
    }

    /** A supported MIC algorithm and the spelling the partner used for it. */
    public record Requested(MicAlgorithm algorithm, String spelling) {
    }
}
