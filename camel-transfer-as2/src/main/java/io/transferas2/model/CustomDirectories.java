package io.transferas2.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Separate landing directories for an agreement ({@code CustomDirectoriesType}); all five are required. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CustomDirectories {
    private String failedFilesDirectory;
    private String mdnFilesDirectory;
    private String payloadFilesDirectory;
    private String statusFilesDirectory;
    private String temporaryFilesDirectory;

    public String getFailedFilesDirectory() {
        return failedFilesDirectory;
    }

    public void setFailedFilesDirectory(String failedFilesDirectory) {
        this.failedFilesDirectory = failedFilesDirectory;
    }

    public String getMdnFilesDirectory() {
        return mdnFilesDirectory;
    }

    public void setMdnFilesDirectory(String mdnFilesDirectory) {
        this.mdnFilesDirectory = mdnFilesDirectory;
    }

    public String getPayloadFilesDirectory() {
        return payloadFilesDirectory;
    }

    public void setPayloadFilesDirectory(String payloadFilesDirectory) {
        this.payloadFilesDirectory = payloadFilesDirectory;
    }

    public String getStatusFilesDirectory() {
        return statusFilesDirectory;
    }

    public void setStatusFilesDirectory(String statusFilesDirectory) {
        this.statusFilesDirectory = statusFilesDirectory;
    }

    public String getTemporaryFilesDirectory() {
        return temporaryFilesDirectory;
    }

    public void setTemporaryFilesDirectory(String temporaryFilesDirectory) {
        this.temporaryFilesDirectory = temporaryFilesDirectory;
    }
}
