package io.jwtdropin.verify;

import io.jwtdropin.keys.KeyProvider;
import java.util.Optional;

/**
 * One issuer whose tokens are accepted: the {@code iss} that selects it, its keys, and its claim rules.
 *
 * @param issuer the {@code iss} it answers to; empty only for a lone entry without a configured issuer
 * @param keys   its verification keys
 * @param claims its claim rules (issuer, audiences, times)
 * @param groups where its tokens carry the caller's groups
 */
record TrustedIssuer(Optional<String> issuer, KeyProvider keys, ClaimsValidator claims, GroupsReader groups) {
}
