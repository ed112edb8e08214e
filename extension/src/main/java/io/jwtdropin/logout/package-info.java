/**
 * OpenID Connect Back-Channel Logout 1.0: an identity provider's logout token, verified with that issuer's keys and
 * the specification's rules, revokes the session or subject it names. {@link io.jwtdropin.logout.BackChannelLogout}
 * is the entry; the HTTP endpoint around it is {@code mechanism.LogoutFilter}.
 */
package io.jwtdropin.logout;
