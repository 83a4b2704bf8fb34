package io.transferas2.model;

/** Inbound AS2 transports, AWS `As2Transport`. */
public enum As2Transport {
    HTTP
}
