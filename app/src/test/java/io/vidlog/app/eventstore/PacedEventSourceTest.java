package io.vidlog.app.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PacedEventSourceTest {

    private static final Duration INTERVAL = Duration.ofMillis(300);

    private final QueueStream events = new QueueStream();
    private final BlockingStream<TrackedEventMessage<?>> stream = new PacedEventSource(token -> events, INTERVAL)
            .openStream(null);

    @Test
    void theFirstBatchStartsAtOnceTheNextOnlyAfterTheInterval() throws InterruptedException {
        long started = System.nanoTime();
        takeABatchAndCatchUp();
        events.add(1);
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(INTERVAL);
    }

    @Test
    void aBatchCutOffWithEventsWaitingLetsTheNextStartAtOnce() throws InterruptedException {
        events.add(3);
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(INTERVAL);
    }

    @Test
    void withinABatchEventsAreTakenWithoutPause() throws InterruptedException {
        events.add(3);
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        stream.nextAvailable();
        assertThat(stream.peek()).isPresent();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
    }

    @Test
    void aQuestionWithNothingToReadDoesNotDelayTheNextBatch() throws InterruptedException {
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        events.add(1);
        long started = System.nanoTime();
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(INTERVAL);
    }

    @Test
    void aShorterTimeoutThanThePauseEndsWithTheTimeout() throws InterruptedException {
        takeABatchAndCatchUp();
        events.add(1);
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void anInterruptedPauseThrows() {
        assertThatExceptionOfType(InterruptedException.class).isThrownBy(() -> {
            takeABatchAndCatchUp();
            events.add(1);
            Thread.currentThread().interrupt();
            stream.hasNextAvailable(1, TimeUnit.SECONDS);
        });
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void tokensComeFromTheEventStore() {
        StreamableMessageSource<TrackedEventMessage<?>> store = new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return events;
            }

            @Override
            public TrackingToken createHeadToken() {
                return new GlobalSequenceTrackingToken(42);
            }
        };
        assertThat(new PacedEventSource(store, INTERVAL).createHeadToken())
                .isEqualTo(new GlobalSequenceTrackingToken(42));
    }

    /** One event in a batch, then a look ahead that finds nothing, as a tracking processor ends a batch. */
    private void takeABatchAndCatchUp() throws InterruptedException {
        events.add(1);
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        stream.nextAvailable();
        assertThat(stream.peek()).isEmpty();
    }

    /** An in-memory stream of events whose only wait is none: it answers at once, as if its timeout had passed. */
    private static final class QueueStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> queue = new ArrayDeque<>();
        private long next = 1;

        void add(int count) {
            for (int i = 0; i < count; i++) {
                queue.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(next++),
                        GenericEventMessage.asEventMessage("event " + next)));
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(queue.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return !queue.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return queue.remove();
        }

        @Override
        public void close() {
        }
    }
}
