package io.ganglion.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Creates a self-signed X.509 v3 certificate (EC P-256, SHA-256 with ECDSA) with plain JDK APIs:
 * the JDK has no public certificate builder, and {@code keytool} would cost a process start, so the
 * few DER structures are written here. Used for the listener's first-start keystore and for tests.
 * Thread-safe: stateless.
 */
public final class SelfSignedCertificate {

    private static final int[] EC_WITH_SHA256 = {1, 2, 840, 10045, 4, 3, 2};
    private static final int[] COMMON_NAME = {2, 5, 4, 3};
    private static final int[] SUBJECT_ALT_NAME = {2, 5, 29, 17};
    private static final int[] BASIC_CONSTRAINTS = {2, 5, 29, 19};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A generated key pair and its certificate. */
    public record Generated(KeyPair keys, X509Certificate certificate) {}

    private SelfSignedCertificate() {}

    /**
     * Generates a certificate for {@code commonName} naming {@code dnsNames} and {@code ipAddresses}
     * (literals such as {@code 127.0.0.1} or {@code ::1}) as subject alternative names.
     */
    public static Generated generate(String commonName, List<String> dnsNames, List<String> ipAddresses,
            Duration validity) throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = kpg.generateKeyPair();

        byte[] algorithm = seq(oid(EC_WITH_SHA256));
        byte[] name = seq(set(seq(oid(COMMON_NAME), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        Instant now = Instant.now();
        byte[] validityDer = seq(time(now.minus(Duration.ofDays(1))), time(now.plus(validity)));
        BigInteger serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE);

        ByteArrayOutputStream altNames = new ByteArrayOutputStream();
        for (String dns : dnsNames) {
            altNames.writeBytes(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
        }
        for (String ip : ipAddresses) {
            altNames.writeBytes(tlv(0x87, address(ip)));
        }
        byte[] basicConstraints = seq(oid(BASIC_CONSTRAINTS), tlv(0x04, seq()));
        // An empty subject-alternative-name extension is invalid; without names the CN is all there is.
        byte[] extensions = altNames.size() == 0 ? tlv(0xa3, seq(basicConstraints))
                : tlv(0xa3, seq(basicConstraints,
                        seq(oid(SUBJECT_ALT_NAME), tlv(0x04, tlv(0x30, altNames.toByteArray())))));

        byte[] tbs = seq(
                tlv(0xa0, tlv(0x02, new byte[] {2})),
                tlv(0x02, serial.toByteArray()),
                algorithm,
                name,
                validityDer,
                name,
                keys.getPublic().getEncoded(),
                extensions);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] der = seq(tbs, algorithm, tlv(0x03, bitString));

        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        cert.verify(keys.getPublic());
        return new Generated(keys, cert);
    }

    private static byte[] time(Instant t) {
        int year = t.atZone(ZoneOffset.UTC).getYear();
        return year < 2050
                ? tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] address(String literal) throws GeneralSecurityException {
        if (literal.chars().anyMatch(Character::isLetter) && literal.indexOf(':') < 0) {
            throw new GeneralSecurityException("not an IP address literal: " + literal);
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new GeneralSecurityException("not an IP address literal: " + literal, e);
        }
    }

    private static byte[] oid(int[] arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            int shift = 28;
            while (shift > 0 && (v >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((v >>> shift) & 0x7f));
            }
            out.write(v & 0x7f);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((n >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
