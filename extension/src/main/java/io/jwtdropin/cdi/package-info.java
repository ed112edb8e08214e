/**
 * The CDI integration: the portable extension (take-over of {@code @LoginConfig}, {@code @Claim} beans) and the producers of the caller's token and of the runtime's parts.
 * The top layer: it may use every other package, and none uses it.
 */
package io.jwtdropin.cdi;
