/**
 * Revocation: tokens refused before they expire, by jti or by subject, in this node's memory or a JCache data grid; {@link io.jwtdropin.revoke.TokenRevocation} is the application's API.
 * Plugs into verification through its revocation check; knows nothing of the mechanism.
 */
package io.jwtdropin.revoke;
