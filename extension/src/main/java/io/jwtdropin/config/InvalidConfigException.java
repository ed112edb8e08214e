package io.jwtdropin.config;

/** A configuration problem; the message is one sentence naming the key and the problem. */
public final class InvalidConfigException extends RuntimeException {

    public InvalidConfigException(String key, String problem) {
        super("jwt-dropin: " + key + " " + problem);
    }

    public InvalidConfigException(String key, String problem, Throwable cause) {
        super("jwt-dropin: " + key + " " + problem, cause);
    }
}
