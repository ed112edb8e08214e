/**
 * Extraction: where a request carries its token (header or cookie), which wins, and the cross-site rule for cookies.
 * Knows the servlet request and the transport settings only; nothing of verification.
 */
package io.jwtdropin.token;
