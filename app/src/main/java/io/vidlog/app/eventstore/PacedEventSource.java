package io.vidlog.app.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The event store as tracking processors read it: each stream starts at most one batch per interval.
 * <p>
 * A tracking processor starts a batch as soon as its stream says an event is available, and the event store wakes it
 * on every commit. Under a steady command load it would run one transaction (token update, read-model writes, Redis)
 * for every one or two events — also the processors that handle none of them, which still store their token for each
 * batch they skip. A stream that lets the next batch start only one interval after the previous one started lets it
 * gather what arrived meanwhile; like a producer's linger time it trades a few milliseconds of latency for throughput.
 * Only a processor that has caught up waits: after a batch that ended with events still waiting (a replay, a backlog)
 * or that took longer than the interval, the next one starts at once.
 */
public final class PacedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final long intervalNanos;

    public PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration interval) {
        this.events = events;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PacedStream(events.openStream(trackingToken), intervalNanos);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /**
     * A tracking processor asks {@link #hasNextAvailable(int, TimeUnit)} once at the start of each batch and takes
     * the rest of the batch with {@code peek} and {@code nextAvailable}: that question is where the pause goes. It
     * has caught up when a look ahead ({@code peek}, {@code hasNextAvailable}) found nothing; a batch cut off at its
     * size never looks past its last event.
     */
    static final class PacedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long intervalNanos;
        private long nextBatchNotBefore = System.nanoTime();
        private boolean caughtUp = true;

        PacedStream(BlockingStream<TrackedEventMessage<?>> stream, long intervalNanos) {
            this.stream = stream;
            this.intervalNanos = intervalNanos;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            if (caughtUp) {
                boolean tooEarly = nextBatchNotBefore - deadline > 0;
                pauseUntil(tooEarly ? deadline : nextBatchNotBefore);
                if (tooEarly) {
                    return false;
                }
            }
            long left = Math.max(0, deadline - System.nanoTime());
            boolean available = stream.hasNextAvailable((int) TimeUnit.NANOSECONDS.toMillis(left),
                    TimeUnit.MILLISECONDS);
            if (available) {
                nextBatchNotBefore = System.nanoTime() + intervalNanos;
            }
            caughtUp = !available;
            return available;
        }

        private static void pauseUntil(long time) throws InterruptedException {
            long pause = time - System.nanoTime();
            if (pause > 0) {
                LockSupport.parkNanos(pause);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> next = stream.peek();
            caughtUp |= next.isEmpty();
            return next;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public boolean hasNextAvailable() {
            boolean available = stream.hasNextAvailable();
            caughtUp |= !available;
            return available;
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}
