package io.transferas2.registry;

import java.util.List;
import java.util.Map;

import io.transferas2.certs.KeySource;
import io.transferas2.model.Agreement;
import io.transferas2.model.Certificate;
import io.transferas2.model.Connector;
import io.transferas2.model.Profile;
import io.transferas2.model.Server;

/** A consistent copy of the whole registry, for persistence. Key sources are keyed by CertificateId. */
public record RegistrySnapshot(List<Certificate> certificates, Map<String, KeySource> keySources,
                               List<Profile> profiles, List<Server> servers, List<Connector> connectors,
                               List<Agreement> agreements) {
}
