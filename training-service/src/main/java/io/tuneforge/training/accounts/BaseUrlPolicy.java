package io.tuneforge.training.accounts;

import io.tuneforge.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which provider base URLs a tenant may set. The account's API key is sent to that URL, so a URL of the
 * tenant's choosing must not reach this platform's own network: {@code https} on a host the operator allows
 * (OpenAI, Azure OpenAI, a configured list), never credentials in the URL, and no host that resolves to a
 * loopback, private, link-local (cloud metadata), unique-local or unspecified address. Origins the operator
 * lists in {@code accounts.allowed-origins} (the local stack's simulator on 127.0.0.1) pass as they are.
 */
@ApplicationScoped
public class BaseUrlPolicy {

    @Inject
    TrainingConfig config;

    /** Resolves a host to every address it has; a seam for tests that need a name to resolve somewhere. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    Resolver resolver = InetAddress::getAllByName;

    /** Why {@code baseUrl} is refused, or empty when a tenant may use it. */
    public Optional<String> refusal(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL (" + e.getReason() + "), e.g. https://api.openai.com/v1");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getRawAuthority() == null) {
            return Optional.of("must be an https URL, e.g. https://api.openai.com/v1 or https://<resource>.openai.azure.com");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            return Optional.of("must not carry credentials (user:password@): send the key as api_key");
        }
        String host = uri.getHost();
        if (host == null) {
            return Optional.of("has no host name");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (allowedOrigins().contains(origin(scheme, host, uri.getPort()))) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https (plain http only for origins the operator allows in "
                    + "tuneforge.training.accounts.allowed-origins)");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!hostAllowed(bare)) {
            return Optional.of("host '" + bare + "' is not an allowed provider host (allowed: " + String.join(", ", hostPatterns())
                    + "; the operator adds more in tuneforge.training.accounts.extra-hosts)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            // Not resolvable now: it cannot be reached now either; the name is on the operator's list.
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("host '" + bare + "' resolves to " + address.getHostAddress()
                        + ", an internal address (loopback, private, link-local or metadata); use the provider's public endpoint");
            }
        }
        return Optional.empty();
    }

    /** Loopback, private, link-local (169.254.169.254 and fd00:ec2::254 metadata included), unique-local, CGNAT, unspecified. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second <= 127 || first == 192 && second == 0 && (b[2] & 0xff) == 0;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms carry an IPv4 address: judge that one.
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && (b[10] == (byte) 0xff && b[11] == (byte) 0xff || b[10] == 0 && b[11] == 0)) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hostAllowed(String host) {
        for (String pattern : hostPatterns()) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.startsWith("*.") ? host.endsWith(p.substring(1)) && host.length() > p.length() - 1 : host.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private List<String> hostPatterns() {
        List<String> patterns = new ArrayList<>(config.accounts().allowedHosts());
        config.accounts().extraHosts().ifPresent(patterns::addAll);
        return patterns.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Set<String> allowedOrigins() {
        return config.accounts().allowedOrigins().orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(BaseUrlPolicy::originOf).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    private static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return Optional.of(origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String origin(String scheme, String host, int port) {
        int effective = port != -1 ? port : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + ":" + effective;
    }
}
