package io.transferas2.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.transferas2.model.Agreement;
import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.Connector;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Server;
import io.transferas2.registry.Page;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.store.TransferFilter;
import io.transferas2.store.TransferHistory;

/**
 * The console's views of the registry and store, shared by the HTML pages and the JSON API: partner filters resolved
 * to connectors and AS2 IDs, partners with their activity, certificates with their expiry and use. Never reads a
 * private key, a certificate body or a secret.
 */
final class ConsoleData {
    static final Duration DAY = Duration.ofHours(24);

    private final ConsoleBackend backend;

    ConsoleData(ConsoleBackend backend) {
        this.backend = backend;
    }

    private TransferRegistry registry() {
        return backend.registry();
    }

    static <T> List<T> all(Function<String, Page<T>> pager) {
        List<T> items = new ArrayList<>();
        String token = null;
        do {
            Page<T> page = pager.apply(token);
            items.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return items;
    }

    List<Profile> profiles() {
        return all(t -> registry().listProfiles(1000, t, null));
    }

    List<Connector> connectors() {
        return all(t -> registry().listConnectors(1000, t));
    }

    List<Server> servers() {
        return all(t -> registry().listServers(1000, t));
    }

    List<Agreement> agreements() {
        List<Agreement> list = new ArrayList<>();
        for (Server s : servers()) {
            list.addAll(all(t -> registry().listAgreements(s.getServerId(), 1000, t)));
        }
        return list;
    }

    List<Certificate> certificates() {
        return all(t -> registry().listCertificates(1000, t));
    }

    /**
     * A partner filter (a PARTNER ProfileId or an As2Id) resolved to the connectors sending to it and the AS2-From
     * values it sends with; both empty when nothing matches.
     */
    TransferFilter withPartner(TransferFilter f, String partner) {
        if (partner == null) {
            return f;
        }
        Set<String> as2Ids = new HashSet<>();
        Set<String> profileIds = new HashSet<>();
        for (Profile p : profiles()) {
            if (p.getProfileType() == ProfileType.PARTNER && (partner.equals(p.getProfileId())
                    || partner.equals(p.getAs2Id()))) {
                as2Ids.add(p.getAs2Id());
                profileIds.add(p.getProfileId());
            }
        }
        if (profileIds.isEmpty()) {
            as2Ids.add(partner);
        }
        Set<String> connectorIds = new HashSet<>();
        for (Connector c : connectors()) {
            if (c.getAs2Config() != null && profileIds.contains(c.getAs2Config().getPartnerProfileId())) {
                connectorIds.add(c.getConnectorId());
            }
        }
        return new TransferFilter(f.direction(), f.status(), f.from(), f.to(), f.fileName(), f.messageId(),
                f.transferId(), connectorIds, as2Ids);
    }

    /** One partner profile with what belongs to it and its activity. */
    record PartnerView(Profile profile, List<Agreement> agreements, List<ConnectorView> connectors,
                       TransferHistory.Activity inbound) {
    }

    /** A connector to the partner with its activity over the last 24 h. */
    record ConnectorView(Connector connector, TransferHistory.Activity activity) {
    }

    List<PartnerView> partners(Instant now) {
        List<Agreement> agreements = agreements();
        List<Connector> connectors = connectors();
        List<PartnerView> views = new ArrayList<>();
        for (Profile p : profiles()) {
            if (p.getProfileType() != ProfileType.PARTNER) {
                continue;
            }
            List<Agreement> own = agreements.stream().filter(a -> p.getProfileId().equals(a.getPartnerProfileId()))
                    .toList();
            List<ConnectorView> cs = new ArrayList<>();
            for (Connector c : connectors) {
                if (c.getAs2Config() != null && p.getProfileId().equals(c.getAs2Config().getPartnerProfileId())) {
                    cs.add(new ConnectorView(c, backend.history().outboundActivity(c.getConnectorId(),
                            now.minus(DAY))));
                }
            }
            views.add(new PartnerView(p, own, cs, backend.history().inboundActivity(p.getAs2Id(), now.minus(DAY))));
        }
        views.sort(Comparator.comparing(v -> v.profile().getAs2Id()));
        return views;
    }

    /** A certificate as the console shows it. */
    record CertificateView(Certificate certificate, List<String> profileIds, long daysToExpiry, String expiryClass,
                           boolean usedNow, Instant validFrom, Instant validUntil) {
    }

    /**
     * Certificates with the profiles using them and days to expiry (the earlier of InactiveDate and NotAfterDate);
     * {@code usedNow} marks, per profile and usage, the certificate the station uses now (the usable one activated
     * last).
     */
    List<CertificateView> certificates(Instant now) {
        List<Profile> profiles = profiles();
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (Profile p : profiles) {
            for (String id : p.getCertificateIds() == null ? List.<String>of() : p.getCertificateIds()) {
                users.computeIfAbsent(id, k -> new ArrayList<>()).add(p.getProfileId());
            }
        }
        List<Certificate> certs = certificates();
        Map<String, Certificate> byId = new LinkedHashMap<>();
        certs.forEach(c -> byId.put(c.getCertificateId(), c));
        Set<String> usedNow = new HashSet<>();
        for (Profile p : profiles) {
            for (CertificateUsageType usage : CertificateUsageType.values()) {
                (p.getCertificateIds() == null ? List.<String>of() : p.getCertificateIds()).stream()
                        .map(byId::get).filter(c -> c != null && c.getUsage() == usage && usable(c, now))
                        .max(Comparator.comparing(c -> validFrom(c)))
                        .ifPresent(c -> usedNow.add(c.getCertificateId()));
            }
        }
        List<CertificateView> views = new ArrayList<>();
        for (Certificate c : certs) {
            Instant until = validUntil(c);
            long days = until == null ? Long.MAX_VALUE : Math.floorDiv(Duration.between(now, until).toHours(), 24);
            String cls = until == null ? "fine" : until.isBefore(now) ? "expired" : days < 30 ? "soon" : "fine";
            views.add(new CertificateView(c, users.getOrDefault(c.getCertificateId(), List.of()), days, cls,
                    usedNow.contains(c.getCertificateId()), validFrom(c), until));
        }
        views.sort(Comparator.comparing(CertificateView::daysToExpiry));
        return views;
    }

    private static boolean usable(Certificate c, Instant now) {
        Instant from = validFrom(c);
        Instant until = validUntil(c);
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }

    static Instant validFrom(Certificate c) {
        return later(c.getActiveDate(), c.getNotBeforeDate());
    }

    static Instant validUntil(Certificate c) {
        Instant a = c.getInactiveDate();
        Instant b = c.getNotAfterDate();
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b == null ? Instant.EPOCH : b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
