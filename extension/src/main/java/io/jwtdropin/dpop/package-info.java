/**
 * Sender-constrained tokens (RFC 9449 DPoP): a token bound to a client's key ({@code cnf.jkt}) is accepted only with
 * a fresh proof of possession of that key for this very request. {@link io.jwtdropin.dpop.DpopVerifier} is the entry.
 */
package io.jwtdropin.dpop;
