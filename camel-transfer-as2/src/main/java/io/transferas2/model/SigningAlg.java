package io.transferas2.model;

/** Connector signing digest, AWS `SigningAlg`. */
public enum SigningAlg {
    SHA256, SHA384, SHA512, SHA1, NONE
}
