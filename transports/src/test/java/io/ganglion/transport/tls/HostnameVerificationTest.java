package io.ganglion.transport.tls;

import static io.ganglion.transport.tls.HostnameVerification.ALLOW_ALL;
import static io.ganglion.transport.tls.HostnameVerification.DEFAULT;
import static io.ganglion.transport.tls.HostnameVerification.DEFAULT_AND_LOCALHOST;
import static io.ganglion.transport.tls.HostnameVerification.STRICT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostnameVerificationTest {

    private static X509Certificate cert(String cn, List<String> dns, List<String> ips) throws Exception {
        return SelfSignedCertificate.generate(cn, dns, ips, Duration.ofDays(1)).certificate();
    }

    @Test
    void configNamesParseInAnyCase() {
        assertEquals(STRICT, HostnameVerification.parse("Strict"));
        assertEquals(DEFAULT, HostnameVerification.parse("default"));
        assertEquals(DEFAULT_AND_LOCALHOST, HostnameVerification.parse(" DefaultAndLocalhost "));
        assertEquals(ALLOW_ALL, HostnameVerification.parse("ALLOWALL"));
        assertNull(HostnameVerification.parse("Lenient"));
        assertNull(HostnameVerification.parse(null));
    }

    @Test
    void aCertificateForLocalhostOnly() throws Exception {
        X509Certificate c = cert("localhost", List.of("localhost"), List.of());
        for (HostnameVerification v : HostnameVerification.values()) {
            assertTrue(v.matches("localhost", c), v + " localhost");
            assertTrue(v.matches("LOCALHOST.", c), v + " case and trailing dot");
        }
        assertFalse(STRICT.matches("127.0.0.1", c));
        assertFalse(DEFAULT.matches("127.0.0.1", c));
        assertTrue(DEFAULT_AND_LOCALHOST.matches("127.0.0.1", c));
        assertTrue(DEFAULT_AND_LOCALHOST.matches("::1", c));
        assertTrue(DEFAULT_AND_LOCALHOST.matches("[::1]", c));
        assertTrue(ALLOW_ALL.matches("127.0.0.1", c));
        assertFalse(DEFAULT_AND_LOCALHOST.matches("example.com", c), "only local names get a pass");
        assertTrue(ALLOW_ALL.matches("example.com", c));
        assertEquals("[DNS:localhost]", HostnameVerification.describe(c));
    }

    @Test
    void wildcardsMatchOneLabelUnderStrictAndSeveralUnderDefault() throws Exception {
        X509Certificate c = cert("wild", List.of("*.example.com"), List.of());
        assertTrue(STRICT.matches("api.example.com", c));
        assertFalse(STRICT.matches("a.b.example.com", c));
        assertTrue(DEFAULT.matches("api.example.com", c));
        assertTrue(DEFAULT.matches("a.b.example.com", c));
        assertTrue(DEFAULT_AND_LOCALHOST.matches("a.b.example.com", c));
        for (HostnameVerification v : List.of(STRICT, DEFAULT, DEFAULT_AND_LOCALHOST)) {
            assertFalse(v.matches("example.com", c), v + ": the wildcard needs a label");
            assertFalse(v.matches("api.example.org", c), v.name());
            assertFalse(v.matches("evilexample.com", c), v.name());
        }
    }

    @Test
    void aWildcardForATopLevelDomainMatchesNothing() throws Exception {
        X509Certificate c = cert("tld", List.of("*.com"), List.of());
        assertFalse(DEFAULT.matches("example.com", c));
    }

    @Test
    void ipAddressesMatchIpNamesOnly() throws Exception {
        X509Certificate c = cert("addr", List.of("host.example"), List.of("10.1.2.3", "::1"));
        assertTrue(STRICT.matches("10.1.2.3", c));
        assertTrue(STRICT.matches("0:0:0:0:0:0:0:1", c), "IPv6 literals compare as addresses");
        assertFalse(STRICT.matches("10.1.2.4", c));
        assertTrue(STRICT.matches("host.example", c));
        assertEquals("[DNS:host.example, IP:10.1.2.3, IP:0:0:0:0:0:0:0:1]", HostnameVerification.describe(c));
    }

    @Test
    void theCommonNameCountsOnlyWithoutDnsNames() throws Exception {
        X509Certificate cnOnly = cert("legacy.example", List.of(), List.of());
        assertTrue(STRICT.matches("legacy.example", cnOnly));
        assertEquals("[CN:legacy.example]", HostnameVerification.describe(cnOnly));
        X509Certificate withSan = cert("legacy.example", List.of("other.example"), List.of());
        assertFalse(DEFAULT.matches("legacy.example", withSan));
    }
}
