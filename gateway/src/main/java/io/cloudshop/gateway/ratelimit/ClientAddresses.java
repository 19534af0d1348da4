package io.cloudshop.gateway.ratelimit;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's address as far as the gateway can trust it. That is the TCP peer, unless the peer is one of the
 * configured trusted proxies (an ingress, a load balancer): then {@code X-Forwarded-For} is read from the right, each
 * proxy having appended the address it saw, and the first address that is not itself a trusted proxy is the client.
 * Entries left of it are whatever the client sent and are never used. An entry that is not an IP literal ends the
 * walk at the last trusted hop, so a forged header can only ever name a trusted proxy, never an arbitrary client.
 *
 * <p>Without trusted proxies (the default) the header is ignored: behind a proxy every client then shares the
 * proxy's address, which is why deployments behind one must list it.
 */
final class ClientAddresses {

    /** IPv4 dotted quads, or anything with a colon (IPv6): literals that never make the matcher resolve a name. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpSubnetFilterRule> trustedProxies;

    /** @param trustedProxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) */
    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(String::strip)
                .filter(proxy -> !proxy.isEmpty())
                .map(ClientAddresses::rule)
                .toList();
    }

    private static IpSubnetFilterRule rule(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        int prefix = slash < 0 ? (address.contains(":") ? 128 : 32) : Integer.parseInt(proxy.substring(slash + 1));
        if (!IP_LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + proxy);
        }
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }

    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String client = remote != null && remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : "unknown";
        if (trustedProxies.isEmpty() || !isTrustedProxy(client)) {
            return client;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                return client;
            }
            client = hop;
            if (!isTrustedProxy(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrustedProxy(String address) {
        if (!IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        InetSocketAddress socket;
        try {
            socket = new InetSocketAddress(InetAddress.getByName(address), 0); // a literal: no lookup
        } catch (UnknownHostException malformed) {
            return false;
        }
        for (IpSubnetFilterRule proxy : trustedProxies) {
            if (proxy.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }
}
