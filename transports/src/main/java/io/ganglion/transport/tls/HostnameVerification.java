package io.ganglion.transport.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * How the HTTPS sender checks a backend certificate against the host of the endpoint URL: the
 * Synapse/WSO2 {@code HostnameVerifier} settings. The host is always the one written in the URL
 * (never a reverse lookup of the address). A certificate's names are its subject-alternative DNS
 * and IP names, or its common name when it has no DNS names. Thread-safe: immutable.
 */
public enum HostnameVerification {

    /** A wildcard matches exactly one label: {@code *.foo.com} matches {@code a.foo.com}, not {@code a.b.foo.com}. */
    STRICT("Strict"),
    /** A wildcard may match several labels: {@code *.foo.com} also matches {@code a.b.foo.com}. Synapse's default. */
    DEFAULT("Default"),
    /** As {@link #DEFAULT}, and localhost, localhost.localdomain, 127.0.0.1 and ::1 always pass. */
    DEFAULT_AND_LOCALHOST("DefaultAndLocalhost"),
    /** No check at all: any certificate the trust store accepts is good for any host. */
    ALLOW_ALL("AllowAll");

    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "127.0.0.1", "::1",
            "0:0:0:0:0:0:0:1");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int DNS = 2;
    private static final int IP = 7;

    private final String configName;

    HostnameVerification(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration, e.g. {@code DefaultAndLocalhost}. */
    public String configName() {
        return configName;
    }

    /** Parses a configured name (case-insensitive); null when it names no setting. */
    public static HostnameVerification parse(String name) {
        String n = name == null ? "" : name.trim();
        for (HostnameVerification v : values()) {
            if (v.configName.equalsIgnoreCase(n)) {
                return v;
            }
        }
        return null;
    }

    /** True when {@code cert} is good for {@code host} under this setting. */
    public boolean matches(String host, X509Certificate cert) {
        if (this == ALLOW_ALL) {
            return true;
        }
        String h = normalize(host);
        if (this == DEFAULT_AND_LOCALHOST && LOCAL_NAMES.contains(h)) {
            return true;
        }
        Names names = Names.of(cert);
        if (isIpLiteral(h)) {
            InetAddress address = literal(h);
            for (String ip : names.ips()) {
                InetAddress other = literal(ip);
                if (address != null && address.equals(other)) {
                    return true;
                }
            }
            // Legacy certificates name an IP address in the common name.
            return names.dns().isEmpty() && names.cn().stream().anyMatch(cn -> cn.equals(h));
        }
        List<String> candidates = names.dns().isEmpty() ? names.cn() : names.dns();
        for (String pattern : candidates) {
            if (matchesName(h, normalize(pattern))) {
                return true;
            }
        }
        return false;
    }

    /** The certificate's names as shown in errors, e.g. {@code [DNS:localhost, IP:127.0.0.1]}. */
    public static String describe(X509Certificate cert) {
        Names names = Names.of(cert);
        List<String> all = new ArrayList<>();
        names.dns().forEach(n -> all.add("DNS:" + n));
        names.ips().forEach(n -> all.add("IP:" + n));
        if (names.dns().isEmpty()) {
            names.cn().forEach(n -> all.add("CN:" + n));
        }
        return all.toString();
    }

    private boolean matchesName(String host, String pattern) {
        if (!pattern.startsWith("*.")) {
            return host.equals(pattern);
        }
        String suffix = pattern.substring(1);
        // "*.com" would vouch for a whole top-level domain.
        if (suffix.indexOf('.', 1) < 0 || !host.endsWith(suffix)) {
            return false;
        }
        String prefix = host.substring(0, host.length() - suffix.length());
        return !prefix.isEmpty() && (this != STRICT || prefix.indexOf('.') < 0);
    }

    private static String normalize(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    /** Parses an address literal; callers pass only literals, so no name lookup happens. */
    private static InetAddress literal(String ip) {
        if (!isIpLiteral(ip)) {
            return null;
        }
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A certificate's DNS names, IP names and common names. */
    private record Names(List<String> dns, List<String> ips, List<String> cn) {
        static Names of(X509Certificate cert) {
            List<String> dns = new ArrayList<>();
            List<String> ips = new ArrayList<>();
            try {
                Collection<List<?>> alt = cert.getSubjectAlternativeNames();
                if (alt != null) {
                    for (List<?> entry : alt) {
                        int type = ((Integer) entry.get(0));
                        if (type == DNS) {
                            dns.add(String.valueOf(entry.get(1)));
                        } else if (type == IP) {
                            ips.add(String.valueOf(entry.get(1)));
                        }
                    }
                }
            } catch (CertificateParsingException e) {
                // A certificate with unreadable names matches nothing by name.
            }
            List<String> cn = new ArrayList<>();
            try {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        cn.add(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (InvalidNameException e) {
                // No usable common name.
            }
            return new Names(dns, ips, cn);
        }
    }
}
