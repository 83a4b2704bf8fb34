package io.transferas2.model;

/** Agreement status, AWS `AgreementStatusType`. Only ACTIVE agreements accept messages. */
public enum AgreementStatusType {
    ACTIVE, INACTIVE
}
