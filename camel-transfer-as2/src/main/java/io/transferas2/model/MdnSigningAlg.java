package io.transferas2.model;

/** Requested MDN signing digest, AWS `MdnSigningAlg`. DEFAULT means the connector's SigningAlgorithm, NONE an unsigned MDN. */
public enum MdnSigningAlg {
    SHA256, SHA384, SHA512, SHA1, NONE, DEFAULT
}
