package io.jwtdropin.keys;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.Map;

/**
 * Where a remote key set is: a configured URL, or the {@code jwks_uri} of an issuer's OpenID Connect discovery
 * document ({@code <issuer>/.well-known/openid-configuration}). A discovered location is kept until a fetch from it
 * fails, then discovered again with the next fetch. The document must name exactly the configured issuer (OpenID
 * Connect Discovery §4.3), so a document served for another issuer never supplies our keys.
 */
final class KeyLocation {

    private final URI fixed;
    private final String issuer;
    private volatile URI discovered;

    private KeyLocation(URI fixed, String issuer) {
        this.fixed = fixed;
        this.issuer = issuer;
    }

    static KeyLocation of(URI location) {
        return new KeyLocation(location, null);
    }

    static KeyLocation discovery(String issuer) {
        return new KeyLocation(null, issuer);
    }

    /** How many HTTP requests a fetch may need (a discovery document first, until it is known). */
    int requestsPerFetch() {
        return fixed == null ? 2 : 1;
    }

    URI resolve(KeySetFetcher fetcher) throws IOException {
        if (fixed != null) {
            return fixed;
        }
        URI known = discovered;
        if (known != null) {
            return known;
        }
        URI document = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration");
        Map<String, Object> metadata;
        try {
            metadata = JSONObjectUtils.parse(fetcher.fetch(document).body());
        } catch (ParseException e) {
            throw new IOException("discovery document " + document + " is not a JSON object");
        }
        if (!issuer.equals(metadata.get("issuer"))) {
            throw new IOException("discovery document " + document + " names the issuer '" + metadata.get("issuer")
                    + "', not the configured '" + issuer + "'");
        }
        URI jwks = jwksUri(document, metadata.get("jwks_uri"));
        discovered = jwks;
        return jwks;
    }

    /** After a failed fetch: a discovered location is looked up again next time. */
    void forget() {
        discovered = null;
    }

    private static URI jwksUri(URI document, Object value) throws IOException {
        try {
            URI uri = value instanceof String s ? new URI(s) : null;
            if (uri != null && uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IOException("discovery document " + document + " has no http(s) jwks_uri");
    }

    @Override
    public String toString() {
        return fixed != null ? fixed.toString() : issuer + " (by discovery)";
    }
}
