package io.jwtdropin.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The form in which a proof's {@code htu} and the request's URL are compared (RFC 9449 §4.3 item 9): query and
 * fragment dropped, then RFC 3986 §6.2.2–6.2.3 normalisation — scheme and host in lower case, the scheme's default
 * port left out, an empty path as {@code /}, dot segments resolved, percent-encodings in upper case. Anything else
 * stays significant: a host with a trailing dot, another port, a different path or path case all differ.
 */
final class HttpUri {

    private HttpUri() {
    }

    /** @return the normalised URI, or empty when {@code text} is not an absolute http(s) URI with a host */
    static Optional<String> normalize(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == (https ? 443 : 80);
        String path = uri.normalize().getRawPath();
        path = path == null || path.isEmpty() ? "/" : path;
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + upperCaseEscapes(path));
    }

    private static String upperCaseEscapes(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path);
        for (int i = path.indexOf('%'); i >= 0 && i + 2 < path.length(); i = path.indexOf('%', i + 1)) {
            out.setCharAt(i + 1, Character.toUpperCase(path.charAt(i + 1)));
            out.setCharAt(i + 2, Character.toUpperCase(path.charAt(i + 2)));
        }
        return out.toString();
    }
}
