/**
 * Issuing: {@link io.jwtdropin.issue.TokenIssuer} mints tokens with the configured key, {@link io.jwtdropin.issue.TokenCookies} writes them as safe cookies.
 * Uses the keys package for the signing key; knows nothing of verification or the mechanism.
 */
package io.jwtdropin.issue;
