package io.jwtdropin.keys;

/** What remote key sets report as they fetch, for metrics; thread-safe and cheap, no-op by default. */
public interface KeyFetchEvents {

    /** Reports nothing. */
    KeyFetchEvents NONE = new KeyFetchEvents() {
    };

    default void keysFetched() {
    }

    default void keysFetchFailed() {
    }
}
