package io.vidlog.command.watch;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static io.vidlog.command.watch.WatchProgressTest.SETTINGS;
import static io.vidlog.command.watch.WatchProgressTest.T0;
import static io.vidlog.command.watch.WatchProgressTest.completed;
import static io.vidlog.command.watch.WatchProgressTest.progress;
import static io.vidlog.command.watch.WatchProgressTest.report;
import static io.vidlog.command.watch.WatchProgressTest.started;

/**
 * A snapshot is the aggregate serialised with the event serializer; loading from it must behave exactly like loading
 * from the events. Each test continues from a deserialised copy and checks one part of the state it relies on.
 */
class WatchProgressSnapshotTest {

    private static final Serializer SERIALIZER = JacksonSerializer.builder().build();
    private static SerializedObject<byte[]> snapshot;

    /** Session 1, sequence 4 at 550 s, completed, seconds [0, 20) and [540, 550) covered, last report at T0. */
    @BeforeAll
    static void takeSnapshot() {
        AggregateTestFixture<WatchProgress> fixture = new AggregateTestFixture<>(WatchProgress.class);
        fixture.registerInjectableResource(SETTINGS);
        AtomicReference<WatchProgress> aggregate = new AtomicReference<>();
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 1, 10, 10), progress(1, 2, 20, 10), progress(1, 3, 540, 0),
                       completed(1))
               .when(report(550, 4))
               .expectEvents(progress(1, 4, 550, 10))
               .expectState(aggregate::set);
        snapshot = SERIALIZER.serialize(aggregate.get(), byte[].class);
    }

    @Test
    void theRestoredAggregateStillKnowsItsLastSequence() {
        continueAfter(Duration.ofMinutes(1))
                .when(report(560, 4))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theRestoredAggregateStillKnowsItsPositionAndThatItCompleted() {
        continueAfter(Duration.ofMinutes(1))
                .when(report(560, 5))
                .expectEvents(progress(1, 5, 560, 10));
    }

    @Test
    void theRestoredAggregateStillKnowsWhichSecondsWereWatched() {
        continueAfter(Duration.ofMinutes(1))
                .andGivenCommands(report(5, 5))
                .when(report(25, 6))
                .expectEvents(progress(1, 6, 25, 5));
    }

    @Test
    void theRestoredAggregateStillKnowsItsSessionAndWhenItWasLastReported() {
        continueAfter(Duration.ofMinutes(31))
                .when(report(560, 1))
                .expectEvents(started(2), progress(2, 1, 560, 10), completed(2));
    }

    private static TestExecutor<WatchProgress> continueAfter(Duration pause) {
        WatchProgress restored = SERIALIZER.deserialize(snapshot);
        AggregateTestFixture<WatchProgress> fixture = new AggregateTestFixture<>(WatchProgress.class);
        fixture.registerInjectableResource(SETTINGS);
        return fixture.givenState(() -> restored).andGivenCurrentTime(T0.plus(pause));
    }
}
