package io.transferas2.model;

/** ENABLED rejects unsigned inbound messages, AWS `EnforceMessageSigningType`. */
public enum EnforceMessageSigningType {
    ENABLED, DISABLED
}
