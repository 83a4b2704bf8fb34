package io.transferas2.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where the partner sends an asynchronous MDN ({@code As2AsyncMdnConnectorConfig}): the URL given to the partner in
 * {@code Receipt-Delivery-Option}, and the 1–10 servers that accept it.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class As2AsyncMdnConnectorConfig {
    private String url;
    private List<String> serverIds;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getServerIds() {
        return serverIds;
    }

    public void setServerIds(List<String> serverIds) {
        this.serverIds = serverIds == null ? null : new ArrayList<>(serverIds);
    }
}
