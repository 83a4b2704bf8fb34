package io.transferas2.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Reads one entry of a PKCS#12 or JKS keystore: the certificate chain and, for key entries, the private key. */
public final class KeyStoreEntryReader {

    private KeyStoreEntryReader() {
    }

    /** The entry's certificate chain (leaf first) and its private key, or null for a certificate-only entry. */
    public record Entry(List<X509Certificate> chain, PrivateKey privateKey) {
    }

    public static Entry read(String field, byte[] keyStoreBytes, String type, String fileName, String alias,
                             char[] storePassword, char[] keyPassword) {
        String storeType = type != null ? type.toUpperCase(Locale.ROOT) : guessType(fileName);
        try {
            KeyStore store = KeyStore.getInstance(storeType);
            store.load(new ByteArrayInputStream(keyStoreBytes), storePassword);
            String entryAlias = alias != null ? alias : onlyAlias(field, store);
            if (!store.containsAlias(entryAlias)) {
                throw new KeyImportException(field + ": alias '" + entryAlias + "' not found; the keystore holds "
                        + Collections.list(store.aliases()));
            }
            PrivateKey privateKey = null;
            if (store.isKeyEntry(entryAlias)) {
                Key key = store.getKey(entryAlias, keyPassword != null ? keyPassword : storePassword);
                if (!(key instanceof PrivateKey pk)) {
                    throw new KeyImportException(field + ": entry '" + entryAlias + "' is not a private key entry");
                }
                privateKey = pk;
            }
            Certificate[] certificates = store.isKeyEntry(entryAlias)
                    ? store.getCertificateChain(entryAlias)
                    : new Certificate[] { store.getCertificate(entryAlias) };
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return new Entry(chain, privateKey);
        } catch (UnrecoverableKeyException e) {
            throw new KeyImportException(field + ": cannot recover the key of the entry (wrong KeyPassword?)");
        } catch (IOException e) {
            throw new KeyImportException(field + ": cannot open the " + storeType
                    + " keystore (wrong Password or not a keystore)");
        } catch (GeneralSecurityException e) {
            throw new KeyImportException(field + ": cannot read the " + storeType + " keystore ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String onlyAlias(String field, KeyStore store) throws GeneralSecurityException {
        List<String> aliases = Collections.list(store.aliases());
        if (aliases.size() != 1) {
            throw new KeyImportException(field + ": the keystore holds " + aliases.size()
                    + " entries " + aliases + "; choose one with Alias");
        }
        return aliases.get(0);
    }

    private static String guessType(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".jks") ? "JKS" : "PKCS12";
    }
}
