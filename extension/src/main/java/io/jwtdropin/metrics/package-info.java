/**
 * Metrics: verification outcomes counted in MicroProfile Metrics where the server has it, nothing required elsewhere.
 * Implements the verification path's event interface; the rest of the jar never links to the Metrics API.
 */
package io.jwtdropin.metrics;
