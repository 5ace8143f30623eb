package dev.paperboy.web;

import io.vertx.core.http.HttpServerRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client is counted under for rate limits: its IPv4 address, or the /64 network of its IPv6 address,
 * since one IPv6 host usually holds a whole /64. Behind a reverse proxy the address is the one the proxy
 * forwarded, and only when the proxy is trusted (quarkus.http.proxy.*, docs/security.md).
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
            return "unknown";
        }
        return key(request.remoteAddress().hostAddress());
    }

    /** @return {@code host} itself for IPv4, its first 64 bits for IPv6 */
    static String key(String host) {
        if (!host.contains(":")) {
            return host;
        }
        try {
            byte[] bytes = InetAddress.getByName(host.replaceFirst("%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return host;
            }
            java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
            return ((Inet6Address) InetAddress.getByAddress(bytes)).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
