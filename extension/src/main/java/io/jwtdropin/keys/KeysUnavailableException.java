package io.jwtdropin.keys;

/**
 * No usable keys: a remote key set could not be fetched and no last good keys are within their stale limit. The
 * verification path turns this into its own refusal (the keys package knows nothing of tokens). The message is the
 * key location; no stack trace is filled in, as this is routine while a provider is down.
 */
public final class KeysUnavailableException extends Exception {

    public KeysUnavailableException(String location) {
        super(location, null, false, false);
    }
}
