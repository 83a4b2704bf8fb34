package io.transferas2.model;

/** Connector content encryption, AWS `EncryptionAlg`. NONE is allowed only for https URLs. */
public enum EncryptionAlg {
    AES128_CBC, AES192_CBC, AES256_CBC, DES_EDE3_CBC, NONE
}
