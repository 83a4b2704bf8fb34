package io.transferas2.model;

/** An outbound AS2 connector ({@code DescribedConnector}): the partner's URL plus the AS2 settings used to send. */
public final class Connector extends TransferResource {
    private String connectorId;
    private String url;
    private String accessRole;
    private String loggingRole;
    private As2ConnectorConfig as2Config;

    @Override
    public ResourceKind kind() {
        return ResourceKind.CONNECTOR;
    }

    @Override
    public String id() {
        return connectorId;
    }

    @Override
    public void assignId(String id) {
        this.connectorId = id;
    }

    public String getConnectorId() {
        return connectorId;
    }

    public void setConnectorId(String connectorId) {
        this.connectorId = connectorId;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getAccessRole() {
        return accessRole;
    }

    public void setAccessRole(String accessRole) {
        this.accessRole = accessRole;
    }

    public String getLoggingRole() {
        return loggingRole;
    }

    public void setLoggingRole(String loggingRole) {
        this.loggingRole = loggingRole;
    }

    public As2ConnectorConfig getAs2Config() {
        return as2Config;
    }

    public void setAs2Config(As2ConnectorConfig as2Config) {
        this.as2Config = as2Config;
    }
}
