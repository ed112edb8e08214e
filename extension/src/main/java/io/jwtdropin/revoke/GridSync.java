package io.jwtdropin.revoke;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;

/**
 * Keeps one node's revocation list and the grid in step when the grid misbehaves. All grid writes run on one thread
 * of ours, and a request waits for its write at most {@link #WRITE_WAIT}: a grid client that blocks while it
 * reconnects must not hold a logout request. Every second a probe reads the grid's epoch, a random id the first node
 * writes into an entry that never expires:
 * <ul>
 * <li>the grid does not answer, or a write failed: the node keeps its list (checks never touch the grid) and
 * notes that it is behind ({@code JWTD-305});</li>
 * <li>it answers again: the node reads the whole grid (revocations made elsewhere meanwhile, whose events it missed)
 * and writes its whole list back ({@code JWTD-306});</li>
 * <li>the epoch changed or vanished, i.e. the grid restarted empty: the same, so a node that starts later still
 * loads every revocation ({@code JWTD-307});</li>
 * <li>otherwise the whole grid is read again every {@code resync}, for events lost in a disconnect shorter than the
 * probe's period.</li>
 * </ul>
 */
final class GridSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GridSync.class.getName());
    static final String EPOCH = "jwtdropin-grid-epoch";
    private static final String KEY = "epoch";
    static final Duration WRITE_WAIT = Duration.ofSeconds(2);
    private static final Duration PROBE = Duration.ofSeconds(1);

    private final JCacheRevocationStore store;
    private final Cache<String, String> epochs;
    private final long resyncNanos;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "jwt-dropin-grid");
        t.setDaemon(true);
        return t;
    });
    private String epoch; // only touched on the thread
    private long nextResync;
    private volatile boolean behind;
    private volatile boolean down;

    GridSync(JCacheRevocationStore store, Cache<String, String> epochs, Duration resync) {
        this.store = store;
        this.epochs = epochs;
        this.resyncNanos = resync.toNanos();
        this.epoch = current();
        this.nextResync = System.nanoTime() + resyncNanos;
        thread.scheduleWithFixedDelay(this::probe, PROBE.toMillis(), PROBE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code write} on the grid thread and waits for it at most {@link #WRITE_WAIT}; failures are noted. */
    void write(Runnable write) {
        Future<?> done;
        try {
            done = thread.submit(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    failed(e);
                }
            });
        } catch (RejectedExecutionException e) { // the application is stopping
            return;
        }
        try {
            done.get(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            behind = true; // it stays queued; the probe writes the whole list once the grid answers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            failed(e.getCause());
        }
    }

    private String current() {
        String seen = epochs.get(KEY);
        if (seen == null) {
            epochs.putIfAbsent(KEY, UUID.randomUUID().toString());
            seen = epochs.get(KEY);
        }
        return seen;
    }

    private void probe() {
        try {
            String seen = current();
            boolean restarted = !seen.equals(epoch);
            if (restarted || behind) {
                boolean wasDown = down;
                behind = false;
                int written = store.publish();
                int loaded = store.load();
                epoch = seen;
                down = false;
                if (restarted) {
                    LOG.log(Level.WARNING, "JWTD-307 the data grid lost its revocations (restarted?): {0} of this"
                            + " node''s written to it again, {1} loaded", new Object[] {written, loaded});
                } else if (wasDown) {
                    LOG.log(Level.INFO, "JWTD-306 the data grid answers again: {0} revocations loaded from it, {1} of"
                            + " this node''s written to it", new Object[] {loaded, written});
                }
            } else if (System.nanoTime() - nextResync >= 0) {
                store.load();
                nextResync = System.nanoTime() + resyncNanos;
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable e) {
        behind = true;
        if (!down) {
            down = true;
            LOG.log(Level.WARNING, "JWTD-305 the data grid does not answer ({0}): revocations made on this node are"
                    + " enforced here and written to the grid when it answers; those made on other nodes meanwhile"
                    + " arrive then", String.valueOf(e));
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
