package io.transferas2.as2.interop;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.testsupport.TestKeys;

/** The two parties of every interop test: the peer product and us. Generated per test JVM. */
final class PeerKeys {
    static final KeyMaterial PEER = TestKeys.key("interop-peer");
    static final KeyMaterial US = TestKeys.key("interop-us");

    private PeerKeys() {
    }

    static Certificate[] chain(KeyMaterial key) {
        return new Certificate[] {key.certificate()};
    }

    static X509Certificate cert(KeyMaterial key) {
        return key.certificate();
    }

    /** An X12-like payload with CRLF and LF line ends. */
    static String edi(int segments) {
        StringBuilder sb = new StringBuilder("ISA*00*          *00*          *ZZ*PEER           *ZZ*US             "
                + "*261121*0900*U*00401*000000001*0*T*>~\r\n");
        for (int i = 0; i < segments; i++) {
            sb.append("LIN*").append(i).append("*BP*PART-").append(i * 7919 % 10007)
                    .append(i % 3 == 0 ? "~\n" : "~\r\n");
        }
        return sb.append("IEA*1*000000001~\r\n").toString();
    }
}
