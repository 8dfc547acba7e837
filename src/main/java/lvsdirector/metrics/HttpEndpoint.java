package lvsdirector.metrics;

import java.util.Map;
import java.util.Optional;

/**
 * Where the HTTP endpoint listens. Configured by the system property {@value #PROPERTY} or, when that is
 * unset, the environment variable {@value #ENVIRONMENT}: {@code off}, {@code PORT} (loopback),
 * {@code HOST:PORT} or {@code [IPV6]:PORT}. The default is {@value #DEFAULT}; nothing binds beyond
 * loopback unless a host is given.
 */
public record HttpEndpoint(String host, int port) {
    public static final String PROPERTY = "lvsdirector.http";
    public static final String ENVIRONMENT = "LVS_DIRECTOR_HTTP";
    public static final String DEFAULT = "127.0.0.1:9510";

    public HttpEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("HTTP endpoint: empty host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP endpoint: port " + port + " is out of range 0-65535");
        }
    }

    public static HttpEndpoint loopback(int port) {
        return new HttpEndpoint("127.0.0.1", port);
    }

    /** The endpoint the process settings ask for; empty when switched off. */
    public static Optional<HttpEndpoint> configured(Map<String, String> environment) {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            value = environment.get(ENVIRONMENT);
        }
        return parse(value == null ? DEFAULT : value);
    }

    /**
     * Parses a setting; empty for {@code off}.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static Optional<HttpEndpoint> parse(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        String host = "127.0.0.1";
        String port = value;
        if (value.startsWith("[")) {
            int close = value.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("HTTP endpoint '" + text + "': expected [IPV6]:PORT");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else if (value.contains(":")) {
            int colon = value.lastIndexOf(':');
            if (value.indexOf(':') != colon) {
                throw new IllegalArgumentException("HTTP endpoint '" + text + "': write an IPv6 address as [IPV6]:PORT");
            }
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("HTTP endpoint '" + text + "': '" + port + "' is not a port number (or use off)");
        }
        return Optional.of(new HttpEndpoint(host, Integer.parseInt(port)));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
