package dev.parley.chat.webhook;

import dev.parley.chat.ParleyException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses webhook targets that would make Parley call into its own network: loopback, private (10/8, 172.16/12,
 * 192.168/16, 100.64/10), link-local (169.254/16 with the cloud metadata address, fe80::/10), unique-local
 * (fc00::/7), any-local and multicast addresses, checked for every address the host name resolves to.
 */
final class TargetGuard {

    private final boolean allowPrivate;

    TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL parsed and checked for its form: http or https, a host, no user info, no fragment. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ParleyException.invalid("url is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ParleyException.invalid("url must start with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ParleyException.invalid("url must name a host");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw ParleyException.invalid("url must carry no user info and no #fragment");
        }
        return uri;
    }

    /** Resolves the URL's host and refuses it when an address is not public (unless private targets are allowed). */
    void check(URI uri) {
        if (allowPrivate) {
            return;
        }
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw ParleyException.invalid("url host '" + host + "' does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw ParleyException.invalid("url host '" + host + "' resolves to " + a.getHostAddress()
                        + ", a loopback, private, link-local or metadata address; webhooks go to public addresses"
                        + " only (set parley.webhooks.allow-private-targets=true for tests and development)");
            }
        }
    }

    /** Whether the address is a public unicast one. */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local (fd00::/8 included)
            }
            if (isMappedOrCompatible(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 224;
    }

    private static boolean isMappedOrCompatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }
}
