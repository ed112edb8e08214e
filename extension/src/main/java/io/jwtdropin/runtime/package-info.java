/**
 * The runtime: everything the request path and the API need, built once when the web application starts ({@link io.jwtdropin.runtime.ActiveRuntime}) and stopped with it.
 * Wires the core packages together; knows nothing of the mechanism or the CDI extension, which use it.
 */
package io.jwtdropin.runtime;
