package io.jwtdropin.runtime;

import io.jwtdropin.keys.KeyLoader;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where background key refreshes run: the server's default managed scheduled executor (Jakarta Concurrency), so the
 * server owns and stops the thread; where there is none, a daemon thread of ours that undeployment shuts down.
 *
 * @param executor the executor to use
 * @param owned    whether we created it (and so must shut it down)
 */
public record BackgroundExecutor(ScheduledExecutorService executor, boolean owned) {

    private static final Logger LOG = Logger.getLogger(BackgroundExecutor.class.getName());
    private static final String MANAGED = "java:comp/DefaultManagedScheduledExecutorService";

    public static BackgroundExecutor find() {
        try {
            return new BackgroundExecutor((ScheduledExecutorService) new InitialContext().lookup(MANAGED), false);
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            LOG.log(Level.FINE, "JWTD-003 no {0} ({1}); key refreshes use a thread of their own", new Object[] {MANAGED, e});
            return new BackgroundExecutor(KeyLoader.daemonScheduler(), true);
        }
    }

    public void shutdown() {
        if (owned) {
            executor.shutdownNow();
        }
    }
}
