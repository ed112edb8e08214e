/**
 * Verification: the request-time path of one token, top to bottom in {@link io.jwtdropin.verify.TokenVerifier} (form, header, claims, signature, cache), with typed refusals ({@link io.jwtdropin.verify.FailureReason}).
 * Asks the keys package for keys and never fetches or parses them; knows nothing of the container.
 */
package io.jwtdropin.verify;
