/**
 * Keys: configured and remote key sources turned into ready, algorithm-pinned verification keys ({@link io.jwtdropin.keys.KeyLoader} at deployment), kept fresh ({@link io.jwtdropin.keys.RemoteKeyProvider}); the verification path asks a {@link io.jwtdropin.keys.KeyProvider}.
 * Knows nothing of tokens, claims or the container.
 */
package io.jwtdropin.keys;
