package io.jwtdropin.bench.soak;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the scenarios and checks every answer against its kind. {@link #capacity} measures what the server does
 * flat out (threads sending one request after the other); {@link #paced} sends at a fixed rate without waiting for
 * answers (open loop): a few dispatcher threads, each with its own timetable, prepare each scenario's requests and
 * send them asynchronously when due, and a request's latency counts from when it was due. So one slow answer delays
 * only itself, and a stalled server shows as latency instead of hiding as fewer requests.
 */
final class LoadGenerator {

    private static final int DISPATCHERS = 4;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Traffic traffic;

    LoadGenerator(Traffic traffic) {
        this.traffic = traffic;
    }

    /** Requests per second answered by {@code threads} senders that each wait for their answer, over {@code length}. */
    long capacity(Duration length, int threads) throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        AtomicLong answered = new AtomicLong();
        Recorder ignored = new Recorder();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread sender = new Thread(() -> {
                while (System.nanoTime() < end) {
                    for (Traffic.Call call : traffic.scenario(Kind.pick(ThreadLocalRandom.current().nextInt(1000)))) {
                        send(call, System.nanoTime(), ignored).join();
                        answered.incrementAndGet();
                    }
                }
            }, "soak-capacity-" + i);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return answered.get() / Math.max(1, length.toSeconds());
    }

    /** Sends {@code perSecond} scenarios a second for {@code length}, then waits for the answers still coming. */
    void paced(Duration length, double perSecond, Recorder recorder) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long period = (long) (DISPATCHERS * 1e9 / perSecond);
        AtomicInteger inFlight = new AtomicInteger();
        List<Thread> dispatchers = new ArrayList<>();
        for (int i = 0; i < DISPATCHERS; i++) {
            long first = start + period * i / DISPATCHERS;
            Thread dispatcher = new Thread(() -> dispatch(first, period, end, recorder, inFlight), "soak-dispatch-" + i);
            dispatcher.start();
            dispatchers.add(dispatcher);
        }
        for (Thread dispatcher : dispatchers) {
            dispatcher.join();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private void dispatch(long first, long period, long end, Recorder recorder, AtomicInteger inFlight) {
        for (long due = first; due < end; due += period) {
            List<Traffic.Call> calls = traffic.scenario(Kind.pick(ThreadLocalRandom.current().nextInt(1000)));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            inFlight.incrementAndGet();
            long from = due;
            // The calls of one scenario go one after the other: log-out, then the revoked token.
            CompletableFuture<Void> chain = send(calls.get(0), from, recorder);
            for (Traffic.Call next : calls.subList(1, calls.size())) {
                chain = chain.thenCompose(done -> send(next, System.nanoTime(), recorder));
            }
            chain.whenComplete((done, error) -> inFlight.decrementAndGet());
        }
    }

    private CompletableFuture<Void> send(Traffic.Call call, long from, Recorder recorder) {
        return client.sendAsync(call.request(), HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            long latency = System.nanoTime() - from;
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                recorder.record(call.kind(), cause.getClass().getSimpleName(), false, latency, String.valueOf(cause));
            } else {
                recorder.record(call.kind(), Integer.toString(response.statusCode()), AnswerCheck.right(call, response),
                        latency, AnswerCheck.describe(response));
            }
            return null;
        });
    }
}
