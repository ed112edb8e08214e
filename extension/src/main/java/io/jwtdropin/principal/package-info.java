/**
 * The caller as an MP-JWT {@link org.eclipse.microprofile.jwt.JsonWebToken}: a verified token's claims, converted as the spec says.
 * Knows verified tokens only; nothing of how they were verified.
 */
package io.jwtdropin.principal;
