package io.vidlog.command.watch;

import io.vidlog.api.engagement.EngagementIds;
import io.vidlog.api.watch.RecordWatchProgressCommand;
import io.vidlog.api.watch.VideoCompletedEvent;
import io.vidlog.api.watch.VideoViewStartedEvent;
import io.vidlog.api.watch.WatchProgressRecordedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class WatchProgressTest {

    static final String USER = "user-1";
    static final String VIDEO = "6f1c2a4e-8d2b-4f7a-9a51-0c3e5b7d9f10";
    static final String ID = EngagementIds.watchId(USER, VIDEO);
    static final int DURATION = 600;
    static final WatchSettings SETTINGS = new WatchSettings(Duration.ofMinutes(30), Duration.ofSeconds(30), 50);
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");

    private final AggregateTestFixture<WatchProgress> fixture = new AggregateTestFixture<>(WatchProgress.class);

    @BeforeEach
    void injectSettings() {
        fixture.registerInjectableResource(SETTINGS);
    }

    @Test
    void theFirstReportStartsTheFirstViewingSession() {
        fixture.givenNoPriorActivity()
               .when(report(10, 1))
               .expectEvents(started(1), progress(1, 1, 10, 10));
    }

    @Test
    void aRepeatedSequenceIsIgnored() {
        fixture.given(started(1), progress(1, 1, 10, 10))
               .when(report(20, 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void anOlderReportArrivingAfterANewerOneIsIgnored() {
        fixture.given(started(1), progress(1, 1, 10, 10), progress(1, 3, 30, 20))
               .when(report(20, 2))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void continuousPlayCountsTheSecondsBetweenReports() {
        fixture.given(started(1), progress(1, 1, 10, 10))
               .when(report(20, 2))
               .expectEvents(progress(1, 2, 20, 10));
    }

    @Test
    void aSeekForwardCountsNothingButMovesThePosition() {
        fixture.given(started(1), progress(1, 1, 10, 10))
               .when(report(300, 2))
               .expectEvents(progress(1, 2, 300, 0));
    }

    @Test
    void playAfterASeekForwardCountsFromTheNewPosition() {
        fixture.given(started(1), progress(1, 1, 10, 10), progress(1, 2, 300, 0))
               .when(report(310, 3))
               .expectEvents(progress(1, 3, 310, 10));
    }

    @Test
    void aSeekBackCountsNothing() {
        fixture.given(started(1), progress(1, 1, 10, 10), progress(1, 2, 20, 10), progress(1, 3, 30, 10))
               .when(report(5, 4))
               .expectEvents(progress(1, 4, 5, 0));
    }

    @Test
    void rewatchingAfterASeekBackCountsNothingNew() {
        fixture.given(started(1), progress(1, 1, 10, 10), progress(1, 2, 20, 10), progress(1, 3, 30, 10),
                       progress(1, 4, 5, 0))
               .when(report(15, 5))
               .expectEvents(progress(1, 5, 15, 0));
    }

    @Test
    void playingOnPastTheRewatchedPartCountsOnlyTheNewSeconds() {
        fixture.given(started(1), progress(1, 1, 10, 10), progress(1, 2, 20, 10), progress(1, 3, 30, 10),
                       progress(1, 4, 5, 0), progress(1, 5, 15, 0), progress(1, 6, 25, 0))
               .when(report(35, 7))
               .expectEvents(progress(1, 7, 35, 5));
    }

    @Test
    void reachingNinetyPercentCompletesTheView() {
        fixture.given(started(1), progress(1, 1, 530, 0))
               .when(report(540, 2))
               .expectEvents(progress(1, 2, 540, 10), completed(1));
    }

    @Test
    void stoppingJustShortOfNinetyPercentDoesNotComplete() {
        fixture.given(started(1), progress(1, 1, 530, 0))
               .when(report(539, 2))
               .expectEvents(progress(1, 2, 539, 9));
    }

    @Test
    void aViewCompletesOnlyOncePerSession() {
        fixture.given(started(1), progress(1, 1, 530, 0), progress(1, 2, 540, 10), completed(1))
               .when(report(550, 3))
               .expectEvents(progress(1, 3, 550, 10));
    }

    @Test
    void aViewCompletesOnlyOncePerSessionEvenWhenWatchedToTheEndAgain() {
        fixture.given(started(1), progress(1, 1, 545, 0), completed(1), progress(1, 2, 0, 0))
               .when(report(560, 3))
               .expectEvents(progress(1, 3, 560, 0));
    }

    @Test
    void aVideoOfUnknownDurationNeverCompletes() {
        fixture.given(started(1), progress(1, 1, 530, 0))
               .when(RecordWatchProgressCommand.of(USER, VIDEO, 5000, 2, 0))
               .expectEvents(progress(1, 2, 5000, 0));
    }

    @Test
    void reportsWithinTheSessionGapStayInTheSession() {
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 1, 10, 10))
               .andGivenCurrentTime(T0.plus(Duration.ofMinutes(29)))
               .when(report(20, 2))
               .expectEvents(progress(1, 2, 20, 10));
    }

    @Test
    void aPauseOfExactlyTheSessionGapStillContinuesTheSession() {
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 1, 10, 10))
               .andGivenCurrentTime(T0.plus(SETTINGS.sessionGap()))
               .when(report(20, 2))
               .expectEvents(progress(1, 2, 20, 10));
    }

    @Test
    void theSessionGapIsMeasuredFromTheLastAcceptedReport() {
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 1, 10, 10))
               .andGivenCurrentTime(T0.plus(Duration.ofMinutes(20)))
               .andGiven(progress(1, 2, 20, 10))
               .andGivenCurrentTime(T0.plus(Duration.ofMinutes(40)))
               .when(report(30, 3))
               .expectEvents(progress(1, 3, 30, 10));
    }

    @Test
    void aReportAfterALongPauseStartsANewViewThatPlaysOnFromTheLastPosition() {
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 1, 100, 0))
               .andGivenCurrentTime(T0.plus(Duration.ofMinutes(31)))
               .when(report(110, 2))
               .expectEvents(started(2), progress(2, 2, 110, 10));
    }

    @Test
    void aNewSessionAfterTheGapAcceptsALowerSequence() {
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 20, 200, 0))
               .andGivenCurrentTime(T0.plus(Duration.ofMinutes(31)))
               .when(report(210, 1))
               .expectEvents(started(2), progress(2, 1, 210, 10));
    }

    @Test
    void withinTheSessionGapALowerSequenceIsStillStale() {
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 20, 200, 0))
               .andGivenCurrentTime(T0.plus(Duration.ofMinutes(29)))
               .when(report(210, 1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aNewSessionCountsSecondsWatchedInThePreviousSessionAgain() {
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 1, 10, 10), progress(1, 2, 20, 10))
               .andGivenCurrentTime(T0.plus(Duration.ofHours(2)))
               .andGiven(started(2), progress(2, 1, 0, 0))
               .when(report(10, 2))
               .expectEvents(progress(2, 2, 10, 10));
    }

    @Test
    void aNewSessionAfterTheGapCompletesAgain() {
        fixture.givenCurrentTime(T0)
               .andGiven(started(1), progress(1, 1, 530, 0), progress(1, 2, 540, 10), completed(1))
               .andGivenCurrentTime(T0.plus(Duration.ofMinutes(31)))
               .when(report(550, 1))
               .expectEvents(started(2), progress(2, 1, 550, 10), completed(2));
    }

    @Test
    void aNegativePositionIsRejected() {
        fixture.givenNoPriorActivity()
               .when(report(-1, 1))
               .expectException(IllegalArgumentException.class)
               .expectNoEvents();
    }

    @Test
    void aNegativeSequenceIsRejected() {
        fixture.given(started(1), progress(1, 1, 10, 10))
               .when(report(20, -1))
               .expectException(IllegalArgumentException.class)
               .expectNoEvents();
    }

    @Test
    void aPositionBeyondTheEndIsRejected() {
        fixture.given(started(1), progress(1, 1, 10, 10))
               .when(report(DURATION + WatchProgress.POSITION_TOLERANCE_SECONDS + 1, 2))
               .expectException(IllegalArgumentException.class)
               .expectNoEvents();
    }

    @Test
    void aPositionJustPastTheEndWithinTheToleranceIsAccepted() {
        fixture.given(started(1), progress(1, 1, 600, 0), completed(1))
               .when(report(DURATION + WatchProgress.POSITION_TOLERANCE_SECONDS, 2))
               .expectEvents(progress(1, 2, DURATION + WatchProgress.POSITION_TOLERANCE_SECONDS, 5));
    }

    @Test
    void aReportWhoseIdBelongsToAnotherUserIsRejected() {
        fixture.givenNoPriorActivity()
               .when(new RecordWatchProgressCommand(ID, "user-2", VIDEO, 10, 1, DURATION))
               .expectException(IllegalArgumentException.class)
               .expectNoEvents();
    }

    static RecordWatchProgressCommand report(int position, long sequence) {
        return RecordWatchProgressCommand.of(USER, VIDEO, position, sequence, DURATION);
    }

    static VideoViewStartedEvent started(long session) {
        return new VideoViewStartedEvent(ID, USER, VIDEO, session);
    }

    static WatchProgressRecordedEvent progress(long session, long sequence, int position, int added) {
        return new WatchProgressRecordedEvent(ID, USER, VIDEO, session, sequence, position, added);
    }

    static VideoCompletedEvent completed(long session) {
        return new VideoCompletedEvent(ID, USER, VIDEO, session);
    }
}
