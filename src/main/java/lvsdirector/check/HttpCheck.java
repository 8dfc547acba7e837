package lvsdirector.check;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Negotiate for service http, https and http_proxy: fetch {@code url}; up iff the final status (after at most
 * 7 redirects) is 2xx and the body contains a match of {@code receive} (empty receive = no body test).
 *
 * @param address    the real server (maintenance files, logs); for {@code viaProxy} also the proxy dialled
 * @param port       the check port
 * @param url        absolute http(s) URL; normally {@code http(s)://<rip>:<checkport>/<request>}
 * @param hostHeader the Host header of the first request (virtualhost, or the rip without port); null keeps
 *                   the URL's authority
 * @param receive    regex searched (unanchored) in the body; "" for none
 * @param viaProxy   http_proxy: the real server is an HTTP proxy and {@code url} is fetched through it
 */
public record HttpCheck(InetAddress address, int port, String url, String hostHeader, Method method, String receive,
                        Duration timeout, boolean viaProxy) implements CheckSpec {

    public enum Method {
        GET, HEAD;

        /** GET or HEAD, case-insensitive; null means GET. */
        public static Method of(String word) {
            if (word == null) {
                return GET;
            }
            return switch (word.toUpperCase(Locale.ROOT)) {
                case "GET" -> GET;
                case "HEAD" -> HEAD;
                default -> throw new IllegalArgumentException("httpmethod must be GET or HEAD: " + word);
            };
        }
    }

    public HttpCheck {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(receive, "receive");
        Checks.requirePort(port);
        Checks.requirePositive(timeout);
        requireHttpUrl(url);
        try {
            Pattern.compile(receive);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid receive regex: " + e.getDescription(), e);
        }
    }

    public boolean https() {
        return url.regionMatches(true, 0, "https:", 0, 6);
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL " + url + ": " + e.getReason(), e);
        }
    }
}
