package io.transferas2.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An AS2 identity ({@code DescribedProfile}): LOCAL for us, PARTNER for a trading partner. Its As2Id is the
 * {@code AS2-From}/{@code AS2-To} value; its certificates sign, encrypt and verify.
 */
public final class Profile extends TransferResource {
    private String profileId;
    private ProfileType profileType;
    private String as2Id;
    private List<String> certificateIds;

    @Override
    public ResourceKind kind() {
        return ResourceKind.PROFILE;
    }

    @Override
    public String id() {
        return profileId;
    }

    @Override
    public void assignId(String id) {
        this.profileId = id;
    }

    public String getProfileId() {
        return profileId;
    }

    public void setProfileId(String profileId) {
        this.profileId = profileId;
    }

    public ProfileType getProfileType() {
        return profileType;
    }

    public void setProfileType(ProfileType profileType) {
        this.profileType = profileType;
    }

    public String getAs2Id() {
        return as2Id;
    }

    public void setAs2Id(String as2Id) {
        this.as2Id = as2Id;
    }

    public List<String> getCertificateIds() {
        return certificateIds;
    }

    public void setCertificateIds(List<String> certificateIds) {
        this.certificateIds = certificateIds == null ? null : new ArrayList<>(certificateIds);
    }

    /** The certificate IDs, never null. */
    public List<String> certificateIdList() {
        return certificateIds == null ? List.of() : certificateIds;
    }
}
