package io.jwtdropin.runtime;

import io.jwtdropin.keys.KeyLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where background work runs (key refreshes, pruning revocations): the server's default managed scheduled executor
 * (Jakarta Concurrency), so the server owns the thread; where there is none, a daemon thread of ours. Periodic
 * tasks started here are cancelled at undeployment: a managed executor outlives the application, and a task left
 * behind would run against a stopped application (Open Liberty reports each run as an error) and hold its classes.
 */
public final class BackgroundExecutor {

    private static final Logger LOG = Logger.getLogger(BackgroundExecutor.class.getName());
    private static final String MANAGED = "java:comp/DefaultManagedScheduledExecutorService";

    private final ScheduledExecutorService executor;
    private final boolean owned;
    private final List<ScheduledFuture<?>> periodic = new CopyOnWriteArrayList<>();

    /** @param owned whether we created the executor (and so must shut it down) */
    BackgroundExecutor(ScheduledExecutorService executor, boolean owned) {
        this.executor = executor;
        this.owned = owned;
    }

    public static BackgroundExecutor find() {
        try {
            return new BackgroundExecutor((ScheduledExecutorService) new InitialContext().lookup(MANAGED), false);
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            LOG.log(Level.FINE, "JWTD-003 no {0} ({1}); key refreshes use a thread of their own", new Object[] {MANAGED, e});
            return new BackgroundExecutor(KeyLoader.daemonScheduler(), true);
        }
    }

    public ScheduledExecutorService executor() {
        return executor;
    }

    /** Runs {@code task} every {@code period}, first after one period, until {@link #shutdown()}. */
    public void every(Duration period, Runnable task) {
        periodic.add(executor.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS));
    }

    public void shutdown() {
        periodic.forEach(task -> task.cancel(false));
        if (owned) {
            executor.shutdownNow();
        }
    }
}
