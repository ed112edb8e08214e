package io.jwtdropin.tck;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Ends the adapter's wait for a Payara Micro JVM that has already died. The adapter waits for the server to report
 * itself started for up to its whole start-up timeout (120 s here) even when the JVM exited in its first second, as
 * one that cannot bind its port does. While a start runs, this watch looks every {@link #POLL_MILLIS} ms for the JVM
 * the adapter started for the archive (a child of this JVM that was not there before), and when that JVM ends before
 * the start returns it interrupts the deploying thread: the adapter's wait is a {@code CountDownLatch.await}, which
 * gives up on an interrupt. The interrupt is sent only while the watch is open, under its lock, so none reaches the
 * thread after {@link #close()}.
 */
final class PayaraMicroExitWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 200;

    private final String archiveName;
    private final Thread deploying = Thread.currentThread();
    private final Set<Long> earlier = ProcessHandle.current().children().map(ProcessHandle::pid)
            .collect(Collectors.toSet());
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jwt-dropin Payara Micro exit watch");
        thread.setDaemon(true);
        return thread;
    });
    private boolean open = true;
    private boolean exited;

    private PayaraMicroExitWatch(String archiveName) {
        this.archiveName = archiveName;
    }

    /** Starts watching on the calling thread's behalf: call it on the thread that then starts the server. */
    static PayaraMicroExitWatch start(String archiveName) {
        PayaraMicroExitWatch watch = new PayaraMicroExitWatch(archiveName);
        watch.poller.scheduleWithFixedDelay(watch::lookForServer, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Once the server is found, the poller is shut down: a periodic task does not run again after that. */
    private void lookForServer() {
        ProcessHandle.current().children()
                .filter(child -> !earlier.contains(child.pid()))
                .filter(server -> PayaraMicroShutdown.isAdapterServerFor(server, archiveName))
                .findFirst()
                .ifPresent(server -> {
                    server.onExit().thenRun(this::serverExited);
                    poller.shutdown();
                });
    }

    private synchronized void serverExited() {
        if (open) {
            exited = true;
            deploying.interrupt();
        }
    }

    /**
     * Stops watching; true when the server's JVM ended while the watch was open. The deploying thread's interrupt
     * flag, set by this watch, is then cleared: the interrupt meant only "stop waiting".
     */
    synchronized boolean closeAndReportExit() {
        close();
        if (exited) {
            Thread.interrupted();
        }
        return exited;
    }

    @Override
    public synchronized void close() {
        open = false;
        poller.shutdownNow();
    }
}
