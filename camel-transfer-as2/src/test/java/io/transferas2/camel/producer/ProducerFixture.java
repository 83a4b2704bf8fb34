package io.transferas2.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.certs.KeyMaterial;
import io.transferas2.certs.PemCodec;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.Connector;
import io.transferas2.model.ProfileType;
import io.transferas2.peers.PartnerIdentity;
import io.transferas2.peers.PeerIdentity;
import io.transferas2.peers.ServerOptions;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.TestKeys;

/**
 * Us (LOCAL profile MYCOMPANY, key from {@link TestKeys}) and a partner (PARTNER profile PARTNER-AS2, a peer identity
 * whose certificate names localhost and 127.0.0.1, so it can serve TLS) in a registry, a CamelContext with the
 * component, and helpers to create connectors and send through them.
 */
final class ProducerFixture implements AutoCloseable {
    static final String US_ID = "MYCOMPANY";
    static final String PARTNER_ID = "PARTNER-AS2";
    static final KeyMaterial US = TestKeys.key("producer-us");
    static final PeerIdentity PARTNER = PeerIdentity.generate(PARTNER_ID);
    /** Another certificate, for MDNs that must not verify. */
    static final KeyMaterial STRANGER = TestKeys.key("producer-stranger");

    final TransferRegistry registry = new TransferRegistry();
    final String localProfile;
    final String partnerProfile;
    final String partnerTlsCert;
    private final Consumer<TransferAs2Component> setup;
    CamelContext context;
    TransferAs2Component component;
    ProducerTemplate template;

    ProducerFixture() throws Exception {
        this(c -> { });
    }

    ProducerFixture(Consumer<TransferAs2Component> setup) throws Exception {
        String usSigning = registry.importCertificate(TestKeys.importInput(US, CertificateUsageType.SIGNING, true));
        String usEncryption = registry.importCertificate(
                TestKeys.importInput(US, CertificateUsageType.ENCRYPTION, true));
        String partnerSigning = registry.importCertificate(partnerCert(CertificateUsageType.SIGNING));
        String partnerEncryption = registry.importCertificate(partnerCert(CertificateUsageType.ENCRYPTION));
        partnerTlsCert = registry.importCertificate(partnerCert(CertificateUsageType.TLS));
        localProfile = registry.createProfile(Fixtures.profile(ProfileType.LOCAL, US_ID,
                List.of(usSigning, usEncryption)));
        partnerProfile = registry.createProfile(Fixtures.profile(ProfileType.PARTNER, PARTNER_ID,
                new ArrayList<>(List.of(partnerSigning, partnerEncryption))));
        this.setup = setup;
        startCamel();
    }

    private void startCamel() {
        context = new DefaultCamelContext();
        component = new TransferAs2Component();
        component.setRegistry(registry);
        setup.accept(component);
        context.addComponent("transfer-as2", component);
        context.start();
        template = context.createProducerTemplate();
    }

    /** Stops Camel and starts a new CamelContext and component on the same registry, as after a restart. */
    void restartCamel() {
        context.stop();
        startCamel();
    }

    static Certificate partnerCert(CertificateUsageType usage) {
        Certificate c = new Certificate();
        c.setUsage(usage);
        c.setCertificate(PemCodec.toPem(List.of(PARTNER.certificate())));
        return c;
    }

    /** How the partner's server is set up: it is PARTNER and expects us. */
    static ServerOptions.Builder server() {
        return ServerOptions.builder(PARTNER, new PartnerIdentity(US_ID, US.certificate()));
    }

    /** Adds the partner's TLS certificate to its profile (AWS: import with Usage TLS). */
    void trustPartnerTls() {
        io.transferas2.model.Profile update = new io.transferas2.model.Profile();
        update.setProfileId(partnerProfile);
        List<String> ids = new ArrayList<>(registry.describeProfile(partnerProfile).certificateIdList());
        ids.add(partnerTlsCert);
        update.setCertificateIds(ids);
        registry.updateProfile(update);
    }

    String connector(String url, Consumer<As2ConnectorConfig> config) {
        Connector c = new Connector();
        c.setUrl(url);
        As2ConnectorConfig a = new As2ConnectorConfig();
        a.setLocalProfileId(localProfile);
        a.setPartnerProfileId(partnerProfile);
        config.accept(a);
        c.setAs2Config(a);
        return registry.createConnector(c);
    }

    /** Sends a body with headers; the exchange comes back with its result or exception. */
    Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(body);
        exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
        return template.send(uri, exchange);
    }

    Exchange send(String connectorId, Object body) {
        return send("transfer-as2:connector/" + connectorId, body, Map.of("CamelFileName", "po-1.edi"));
    }

    /** An X12-like payload with CRLF and LF line ends. */
    static String edi(int segments) {
        StringBuilder sb = new StringBuilder("ISA*00*          *00*          *ZZ*MYCOMPANY      *ZZ*PARTNER        "
                + "*261121*0900*U*00401*000000001*0*T*>~\r\n");
        for (int i = 0; i < segments; i++) {
            sb.append("LIN*").append(i).append("*BP*PART-").append(i * 7919 % 10007)
                    .append(i % 3 == 0 ? "~\n" : "~\r\n");
        }
        return sb.append("IEA*1*000000001~\r\n").toString();
    }

    @Override
    public void close() {
        context.stop();
    }
}
