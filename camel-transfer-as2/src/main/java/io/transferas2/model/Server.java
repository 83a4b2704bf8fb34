package io.transferas2.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The AS2 subset of a Transfer Family server ({@code DescribedServer}). Its agreements decide what it accepts; an
 * OFFLINE server answers 503.
 */
public final class Server extends TransferResource {
    private String serverId;
    private List<Protocol> protocols;
    private ProtocolDetails protocolDetails;
    private State state;

    @Override
    public ResourceKind kind() {
        return ResourceKind.SERVER;
    }

    @Override
    public String id() {
        return serverId;
    }

    @Override
    public void assignId(String id) {
        this.serverId = id;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public List<Protocol> getProtocols() {
        return protocols;
    }

    public void setProtocols(List<Protocol> protocols) {
        this.protocols = protocols == null ? null : new ArrayList<>(protocols);
    }

    public ProtocolDetails getProtocolDetails() {
        return protocolDetails;
    }

    public void setProtocolDetails(ProtocolDetails protocolDetails) {
        this.protocolDetails = protocolDetails;
    }

    public State getState() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }

    /** True when the server accepts messages: State ONLINE (unset counts as ONLINE). */
    @JsonIgnore
    public boolean isOnline() {
        return state == null || state == State.ONLINE;
    }
}
