package io.transferas2.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The AWS {@code StartFileTransfer} request for an AS2 connector: the files to send, as {@code /bucket/key} paths, and
 * optional custom HTTP headers. The SFTP-only fields (RetrieveFilePaths, LocalDirectoryPath, RemoteDirectoryPath)
 * are kept as given so that validation can name them.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FileTransferRequest extends AwsShape {
    private String connectorId;
    private List<String> sendFilePaths;
    private List<CustomHttpHeader> customHttpHeaders;

    public String getConnectorId() {
        return connectorId;
    }

    public void setConnectorId(String connectorId) {
        this.connectorId = connectorId;
    }

    public List<String> getSendFilePaths() {
        return sendFilePaths;
    }

    public void setSendFilePaths(List<String> sendFilePaths) {
        this.sendFilePaths = sendFilePaths == null ? null : new ArrayList<>(sendFilePaths);
    }

    public List<CustomHttpHeader> getCustomHttpHeaders() {
        return customHttpHeaders;
    }

    public void setCustomHttpHeaders(List<CustomHttpHeader> customHttpHeaders) {
        this.customHttpHeaders = customHttpHeaders == null ? null : new ArrayList<>(customHttpHeaders);
    }


    @Override
    public String toString() {
        return "FileTransferRequest[" + connectorId + ", " + sendFilePaths + "]";
    }
}
