package io.transferas2.model;

/** Connector compression, AWS `CompressionEnum`. */
public enum CompressionEnum {
    ZLIB, DISABLED
}
