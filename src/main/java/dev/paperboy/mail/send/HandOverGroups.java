package dev.paperboy.mail.send;

import dev.paperboy.mail.outbox.OutboxStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Commits the hand-overs of all send workers of a run together. Each worker still waits for its own row's
 * answer before its end-of-data dot, but while one group commits, the next gathers, so the database sees one
 * transaction per group of workers instead of one per email.
 *
 * <p>One committer. PostgreSQL's cost per email is mostly per statement (planning, commit), so it falls as groups
 * grow: with two committers, whose groups are half the size, the benchmark measured 152-163 µs of database CPU
 * per email against 122-142 with one. (Two were tried before the envelope was pipelined, when thread dumps
 * found half the workers waiting on a single committer's round trip while the CPU was not busy.)
 *
 * <p>For the same reason a group waits, up to {@link #GATHERING} after its first request, until half of the
 * workers have joined it: taking only who happened to be queued made groups of 5.7 of 32 workers, and
 * gathering doubled that and cut PostgreSQL's CPU per email by a quarter (alternating runs, docs/performance.md).
 * A worker waits at most that much longer for its answer, which other workers' sending covers.
 */
final class HandOverGroups implements AutoCloseable {

    private record Request(OutboxStore.HandOver handOver, CompletableFuture<Boolean> answer) {}

    private static final Request STOP = new Request(null, null);

    static final Duration GATHERING = Duration.ofMillis(1);

    private final OutboxStore store;
    private final int enough;
    private final long gatheringNanos;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private boolean closed;

    /** @param workers how many workers hand over through this, each waiting for its answer before going on */
    HandOverGroups(OutboxStore store, int workers) {
        this(store, workers, GATHERING);
    }

    HandOverGroups(OutboxStore store, int workers, Duration gathering) {
        this.store = store;
        this.enough = Math.max(1, workers / 2);
        this.gatheringNanos = gathering.toNanos();
        this.committer = new Thread(this::commitGroups, "paperboy-hand-over");
        committer.setDaemon(true);
        committer.start();
    }

    /** @return whether the row may be sent; see {@link OutboxStore#markHandingOver(List)} */
    boolean handOver(long id, String claimToken, OutboxStore.Accepted previous) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Request request = new Request(new OutboxStore.HandOver(id, claimToken, previous), answer);
        synchronized (this) {
            // Nothing may queue behind the stop marker: no one would ever answer it.
            if (closed) {
                throw new IllegalStateException("the send run is over; outbox row " + id + " was not handed over");
            }
            queue.add(request);
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            withdraw(request);
            throw new IllegalStateException("interrupted while handing over outbox row " + id, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("hand-over of outbox row " + id + " failed", e.getCause());
        }
    }

    /**
     * Takes back the hand-over of a worker that stops before its dot (the run is being shut down): its row was
     * never sent, so it must not stay {@code SENDING}, which the crash rule would fail as possibly sent. Still
     * queued, the request is simply removed; already taken by the committer, its answer is awaited and a row it
     * marked is given back.
     */
    private void withdraw(Request request) {
        if (queue.remove(request)) {
            return;
        }
        boolean marked;
        try {
            marked = request.answer().join();
        } catch (RuntimeException failed) {
            return;
        }
        if (marked) {
            store.giveBack(request.handOver().id(), request.handOver().claimToken());
        }
    }

    private void commitGroups() {
        List<Request> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group);
            gather(group);
            boolean stop = group.remove(STOP);
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
            if (stop) {
                return;
            }
        }
    }

    private void gather(List<Request> group) {
        long deadline = System.nanoTime() + gatheringNanos;
        while (group.size() < enough && !group.contains(STOP)) {
            long left = deadline - System.nanoTime();
            Request next;
            try {
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                // Commit who has joined (they are waiting for answers); the next take() ends the thread.
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                return;
            }
            group.add(next);
            queue.drainTo(group);
        }
    }

    private void commit(List<Request> group) {
        // Rows in id order, so two instances whose groups share a row (a lease that ran out) cannot deadlock.
        group.sort(Comparator.comparingLong(r -> r.handOver().id()));
        try {
            boolean[] ours = store.markHandingOver(group.stream().map(Request::handOver).toList());
            for (int i = 0; i < ours.length; i++) {
                group.get(i).answer().complete(ours[i]);
            }
        } catch (Throwable e) {
            // Every worker of the group gets the failure (and sends nothing); the committer itself lives on.
            group.forEach(r -> r.answer().completeExceptionally(e));
        }
    }

    /** Lets the committer finish what is queued, then stops it. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
