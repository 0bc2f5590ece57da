package io.vidlog.command.watch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedIntervalsTest {

    private final WatchedIntervals watched = new WatchedIntervals();

    @Test
    void anEmptyOrBackwardIntervalCoversNothing() {
        assertThat(watched.add(10, 10)).isZero();
        assertThat(watched.add(20, 10)).isZero();
        assertThat(watched).isEqualTo(new WatchedIntervals());
    }

    @Test
    void aFreshIntervalCountsAllItsSeconds() {
        assertThat(watched.add(0, 10)).isEqualTo(10);
        assertThat(watched.uncoveredSeconds(0, 10)).isZero();
    }

    @Test
    void consecutiveReportsCountEachSecondOnce() {
        assertThat(watched.add(0, 10)).isEqualTo(10);
        assertThat(watched.add(10, 20)).isEqualTo(10);
        assertThat(watched.add(20, 30)).isEqualTo(10);
        assertThat(watched).isEqualTo(covering(0, 30));
    }

    @Test
    void rewatchingCoveredSecondsCountsNothing() {
        watched.add(0, 30);
        assertThat(watched.add(5, 25)).isZero();
        assertThat(watched.add(0, 30)).isZero();
    }

    @Test
    void aPartialOverlapCountsOnlyTheNewSeconds() {
        watched.add(10, 20);
        assertThat(watched.add(15, 30)).isEqualTo(10);
        assertThat(watched.add(0, 12)).isEqualTo(10);
        assertThat(watched).isEqualTo(covering(0, 30));
    }

    @Test
    void anIntervalSpanningSeveralGapsCountsOnlyTheGaps() {
        watched.add(0, 10);
        watched.add(20, 30);
        watched.add(40, 50);
        assertThat(watched.uncoveredSeconds(5, 45)).isEqualTo(20);
        assertThat(watched.add(5, 45)).isEqualTo(20);
        assertThat(watched).isEqualTo(covering(0, 50));
    }

    @Test
    void separateStretchesStaySeparateUntilJoined() {
        watched.add(0, 10);
        watched.add(100, 110);
        assertThat(watched).isNotEqualTo(covering(0, 110));
        assertThat(watched.uncoveredSeconds(0, 110)).isEqualTo(90);
        assertThat(watched.add(10, 100)).isEqualTo(90);
        assertThat(watched).isEqualTo(covering(0, 110));
    }

    @Test
    void askingWhatIsUncoveredChangesNothing() {
        watched.add(0, 10);
        assertThat(watched.uncoveredSeconds(0, 100)).isEqualTo(90);
        assertThat(watched.uncoveredSeconds(0, 100)).isEqualTo(90);
        assertThat(watched).isEqualTo(covering(0, 10));
    }

    private static WatchedIntervals covering(int from, int to) {
        WatchedIntervals intervals = new WatchedIntervals();
        intervals.add(from, to);
        return intervals;
    }
}
