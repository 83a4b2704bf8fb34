package io.transferas2.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A server's protocol settings; only As2Transports is modelled, the SFTP/FTP fields are kept as given. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ProtocolDetails extends AwsShape {
    private List<As2Transport> as2Transports;

    public List<As2Transport> getAs2Transports() {
        return as2Transports;
    }

    public void setAs2Transports(List<As2Transport> as2Transports) {
        this.as2Transports = as2Transports == null ? null : new ArrayList<>(as2Transports);
    }

}
