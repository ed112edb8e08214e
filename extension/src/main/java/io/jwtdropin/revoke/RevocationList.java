package io.jwtdropin.revoke;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * This node's view of every revocation: revoked token ids, and per subject the instant before which its tokens are
 * revoked. Looking up costs two hash-map reads, so the check runs on every request. Each entry leaves once the
 * tokens it refuses have expired ({@code until}): the first revocation a minute or more after the last sweep sweeps
 * the expired ones out, so a steady trickle of log-outs does not pile up to the bound. The list is bounded, and when
 * full drops the entries that would expire first, down to 90 % of the bound (with a warning, because a dropped
 * entry's tokens would be accepted again).
 */
public final class RevocationList {

    private static final Logger LOG = Logger.getLogger(RevocationList.class.getName());

    /** Seconds between sweeps of expired entries. */
    private static final long SWEEP_INTERVAL = 60;

    /** A subject's tokens issued at or before {@code before} are revoked; the entry lasts until {@code until}. */
    record SubjectCutoff(long before, long until) {
    }

    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, SubjectCutoff> subjects = new ConcurrentHashMap<>();
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;
    /** Epoch second from which the next revocation sweeps out expired entries. */
    private volatile long nextSweep;

    public RevocationList(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** @param until epoch second after which the token is expired anyway */
    public void revokeToken(String jti, long until) {
        tokens.merge(jti, until, Math::max);
        bound();
    }

    /** @param before epoch second: tokens with {@code iat} at or before it are revoked */
    public void revokeSubject(String subject, long before, long until) {
        subjects.merge(subject, new SubjectCutoff(before, until),
                (a, b) -> new SubjectCutoff(Math.max(a.before(), b.before()), Math.max(a.until(), b.until())));
        bound();
    }

    /** @param until epoch second after which every token of the session {@code sid} has expired anyway */
    public void revokeSession(String sid, long until) {
        sessions.merge(sid, until, Math::max);
        bound();
    }

    /** Whether a token with this {@code jti}, session {@code sid} (both may be null), subject and {@code iat} is revoked. */
    public boolean isRevoked(String jti, String sid, String subject, long issuedAt) {
        if (jti != null && tokens.containsKey(jti)) {
            return true;
        }
        if (sid != null && sessions.containsKey(sid)) {
            return true;
        }
        SubjectCutoff cutoff = subject == null ? null : subjects.get(subject);
        return cutoff != null && issuedAt <= cutoff.before();
    }

    /** Receives every live entry ({@link #forEach}), e.g. to write them to a data grid that lost them. */
    public interface Entries {
        void token(String jti, long until);

        void subject(String subject, long before, long until);

        void session(String sid, long until);
    }

    /** Hands every entry to {@code entries}; concurrent changes may or may not be seen. */
    public void forEach(Entries entries) {
        tokens.forEach(entries::token);
        subjects.forEach((subject, cutoff) -> entries.subject(subject, cutoff.before(), cutoff.until()));
        sessions.forEach(entries::session);
    }

    public int size() {
        return tokens.size() + subjects.size() + sessions.size();
    }

    /** Drops entries whose tokens have all expired. */
    public void prune() {
        long now = clock.instant().getEpochSecond();
        tokens.values().removeIf(until -> until < now);
        subjects.values().removeIf(cutoff -> cutoff.until() < now);
        sessions.values().removeIf(until -> until < now);
    }

    private void bound() {
        long now = clock.instant().getEpochSecond();
        boolean swept = now >= nextSweep;
        if (swept) {
            nextSweep = now + SWEEP_INTERVAL;
            prune();
        }
        if (size() <= maxEntries) {
            return;
        }
        if (!swept) {
            prune();
        }
        // Down to 90 % at once, so a flood of revocations sorts the list rarely.
        int over = size() - maxEntries * 9 / 10;
        if (over > 0) {
            LOG.warning(() -> "JWTD-302 more than " + maxEntries + " live revocations (jwtdropin.revocation.max-entries);"
                    + " dropping the " + over + " that expire first");
            dropEarliest(tokens, over);
            dropEarliest(sessions, size() - maxEntries * 9 / 10);
        }
    }

    private static void dropEarliest(Map<String, Long> entries, int count) {
        if (count > 0) {
            entries.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(count).map(Map.Entry::getKey)
                    .toList().forEach(entries::remove);
        }
    }
}
