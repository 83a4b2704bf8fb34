package io.transferas2.console;

import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Console users: hashes made and checked, the documented hash format, entries parsed without leaking hashes. */
class ConsoleUsersTest {

    @Test
    void aHashAcceptsItsPasswordOnly() {
        String hash = PasswordHashes.hash("correct horse".toCharArray());
        assertThat(hash).startsWith("pbkdf2-sha256$210000$");
        assertThat(PasswordHashes.verify(hash, "correct horse".toCharArray())).isTrue();
        assertThat(PasswordHashes.verify(hash, "correct hors".toCharArray())).isFalse();
        assertThat(PasswordHashes.hash("correct horse".toCharArray())).as("salted").isNotEqualTo(hash);
        assertThat(PasswordHashes.verify("pbkdf2-sha256$1$AA$AA", "x".toCharArray())).isFalse();
        assertThat(PasswordHashes.verify("not a hash", "x".toCharArray())).isFalse();
    }

    @Test
    void aHashMadeElsewhereInTheDocumentedFormatIsAccepted() throws Exception {
        // what the quickstart (and any script) makes: PBKDF2-HMAC-SHA256, 256 bits, unpadded base64url salt and hash
        byte[] salt = "sixteen byte slt".getBytes();
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                "s3cret-pass".toCharArray(), salt, 100_000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String hash = "pbkdf2-sha256$100000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
        assertThat(PasswordHashes.verify(hash, "s3cret-pass".toCharArray())).isTrue();
    }

    @Test
    void entriesAreParsedWithRolesAndResolvedSecrets() {
        String hash = PasswordHashes.hash("ops-password".toCharArray());
        ConsoleUsers users = ConsoleUsers.parse(" ops:admin:{{env:H}} , viewer:read-only:" + hash + ",",
                v -> v.equals("{{env:H}}") ? hash : v);
        assertThat(users.size()).isEqualTo(2);
        assertThat(users.authenticate("ops", "ops-password".toCharArray())).contains(ConsoleUsers.Role.ADMIN);
        assertThat(users.authenticate("viewer", "ops-password".toCharArray())).contains(ConsoleUsers.Role.READ_ONLY);
        assertThat(users.authenticate("nobody", "ops-password".toCharArray())).isEmpty();
        assertThat(users.authenticate(null, "ops-password".toCharArray())).isEmpty();
        assertThat(users.toString()).isEqualTo("2 console user(s)").doesNotContain(hash);
        assertThat(ConsoleUsers.parse(null, v -> v).isEmpty()).isTrue();
    }

    @Test
    void aPlainPasswordOrBadRoleIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> ConsoleUsers.parse("ops:admin:hunter2-plain", v -> v))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ops")
                .hasMessageContaining("PasswordHashes").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConsoleUsers.parse("ops:root:" + PasswordHashes.hash("x".toCharArray()), v -> v))
                .hasMessageContaining("admin or read-only").hasMessageNotContaining("pbkdf2");
        assertThatThrownBy(() -> ConsoleUsers.parse("ops-only-a-name", v -> v))
                .hasMessageContaining("entry 1 is not name:role:hash");
    }
}
