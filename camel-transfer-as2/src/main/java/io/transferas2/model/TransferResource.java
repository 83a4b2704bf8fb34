package io.transferas2.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Fields every resource kind shares: the Arn, the Tags, and the AWS fields this runtime does not model (for example a
 * server's EndpointType). Those are kept as they were given, so {@code describe-*} output loads and round-trips
 * unchanged; the registry rejects names that are not AWS fields of the kind at all, which catches typos.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class TransferResource extends AwsShape {
    private String arn;
    private List<Tag> tags;

    /** The kind of this resource. */
    @JsonIgnore
    public abstract ResourceKind kind();

    /** The resource ID (ConnectorId, ProfileId, ...), or null before one is assigned. */
    @JsonIgnore
    public abstract String id();

    /** Sets the resource ID field of the kind. */
    public abstract void assignId(String id);

    public String getArn() {
        return arn;
    }

    public void setArn(String arn) {
        this.arn = arn;
    }

    public List<Tag> getTags() {
        return tags;
    }

    public void setTags(List<Tag> tags) {
        this.tags = tags == null ? null : new ArrayList<>(tags);
    }


    @Override
    public String toString() {
        return kind().displayName() + "[" + id() + "]";
    }
}
