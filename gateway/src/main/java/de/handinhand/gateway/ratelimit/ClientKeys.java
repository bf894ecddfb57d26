package de.handinhand.gateway.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a request counts against. A validated token counts against its subject (or, for a
 * client-credentials token without a user, its client id); anything else against the caller's
 * address. Only validated tokens name a client: keying on an unchecked token would let a caller
 * mint a fresh key per request, or spend someone else's budget.
 */
public final class ClientKeys {

    // Only strings that cannot be host names reach InetAddress, which would otherwise look them up.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    // Possessive and split at the first colon, so a run of colons costs linear work (PatternsAreLinearTest).
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*+:[0-9A-Fa-f:.]*+");

    private final List<byte[][]> trustedProxies;

    /** {@code trustedProxies}: addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    public ClientKeys(List<String> trustedProxies) {
        List<byte[][]> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            String value = entry.strip();
            if (!value.isEmpty()) {
                ranges.add(range(value));
            }
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    public String of(SecurityIdentity identity, String remoteAddress, String forwardedFor) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            if (notBlank(token.getSubject())) {
                return "sub:" + token.getSubject();
            }
            for (String claim : List.of("azp", "client_id")) {
                Object client = token.getClaim(claim);
                if (client != null && notBlank(client.toString())) {
                    return "client:" + client;
                }
            }
        }
        return "addr:" + address(remoteAddress, forwardedFor);
    }

    /**
     * The caller's address: the connection's, unless that is a trusted proxy; then the nearest
     * X-Forwarded-For entry that is not itself a trusted proxy. IPv6 callers are keyed by their /64,
     * the block one subscriber usually holds, so one host cannot rotate through fresh addresses.
     */
    String address(String remoteAddress, String forwardedFor) {
        byte[] remote = parse(remoteAddress);
        if (remote == null) {
            return "unknown";
        }
        byte[] client = remote;
        if (forwardedFor != null && trusted(remote)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                byte[] hop = parse(hops[i].strip());
                if (hop == null) {
                    break;
                }
                client = hop;
                if (!trusted(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean trusted(byte[] address) {
        for (byte[][] range : trustedProxies) {
            byte[] network = range[0];
            int bits = range[1][0] & 0xff;
            if (network.length == address.length && matches(network, address, bits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] network, byte[] address, int bits) {
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (network[i] != address[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (network[whole] & mask) == (address[whole] & mask);
    }

    private static byte[][] range(String value) {
        int slash = value.indexOf('/');
        byte[] network = parse(slash < 0 ? value : value.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + value);
        }
        int bits = network.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + value, e);
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + value);
            }
        }
        return new byte[][] {network, {(byte) bits}};
    }

    /** An IP literal's bytes, or null; never a name lookup. */
    static byte[] parse(String value) {
        if (value == null) {
            return null;
        }
        String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        if (literal.length() > 45 || !(IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches())) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return toIpv4IfMapped(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] toIpv4IfMapped(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return bytes;
        }
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }

    private static String key(byte[] address) {
        try {
            if (address.length == 4) {
                return InetAddress.getByAddress(address).getHostAddress();
            }
            byte[] prefix = new byte[16];
            System.arraycopy(address, 0, prefix, 0, 8);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
