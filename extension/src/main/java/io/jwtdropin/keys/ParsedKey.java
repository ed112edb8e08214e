package io.jwtdropin.keys;

import java.security.Key;

/**
 * A key as read from configuration, before algorithms are pinned to it.
 *
 * @param kid the key id from a JWK, or null
 * @param alg the {@code alg} member of a JWK, or null
 * @param key the JCA key
 */
public record ParsedKey(String kid, String alg, Key key) {
}
