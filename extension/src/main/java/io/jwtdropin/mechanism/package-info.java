/**
 * The Jakarta Security mechanism and its servlet pieces: authenticate a request with the runtime, answer 401/403 with the RFC 6750 challenge, declare the application's roles.
 * Uses the runtime as it is handed down; knows nothing of the CDI extension.
 */
package io.jwtdropin.mechanism;
