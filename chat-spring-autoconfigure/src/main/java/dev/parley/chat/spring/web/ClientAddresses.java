package dev.parley.chat.spring.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key a client address is counted by: an IPv4 address as it is, an IPv6 address by its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise take a new address for each request.
 */
public final class ClientAddresses {

    private ClientAddresses() {}

    /** The counting key of an address as the servlet container reports it (a literal, never looked up). */
    public static String key(String address) {
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal); // with a colon it is an IPv6 literal, never looked up
            if (parsed instanceof Inet6Address) {
                byte[] network = new byte[8];
                System.arraycopy(parsed.getAddress(), 0, network, 0, 8);
                return HexFormat.of().formatHex(network) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
