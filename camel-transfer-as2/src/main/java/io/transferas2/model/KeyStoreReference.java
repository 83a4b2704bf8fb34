package io.transferas2.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Extension to ImportCertificate (not an AWS field): take the certificate, chain and private key from an entry of a
 * PKCS#12 or JKS keystore. Passwords must be property placeholders such as {@code {{env:AS2_KEYSTORE_PASSWORD}}}.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class KeyStoreReference {
    private String file;
    private String type;
    private String alias;
    private String password;
    private String keyPassword;

    /** Keystore path, or {@code classpath:...}. */
    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    /** PKCS12 or JKS; guessed from the file extension when absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Entry alias; may be omitted when the keystore holds exactly one entry. */
    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    /** Store password, as a property placeholder. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Key password, as a property placeholder; defaults to the store password. */
    public String getKeyPassword() {
        return keyPassword;
    }

    public void setKeyPassword(String keyPassword) {
        this.keyPassword = keyPassword;
    }

    @Override
    public String toString() {
        return "KeyStore[" + file + "#" + alias + "]";
    }
}
