package io.vidlog.mediaworker.ffmpeg;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final ProgressThrottle throttle = new ProgressThrottle(5, Duration.ofSeconds(2), clock);

    @Test
    void aReportNeedsAWholeStep() {
        clock.advance(Duration.ofSeconds(10));

        assertThat(throttle.admits(4)).isFalse();
        assertThat(throttle.admits(5)).isTrue();
        assertThat(throttle.admits(9)).isFalse();
    }

    @Test
    void aReportNeedsTheIntervalToHavePassed() {
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.admits(30)).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.admits(30)).isTrue();

        clock.advance(Duration.ofMillis(1999));
        assertThat(throttle.admits(60)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.admits(60)).isTrue();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
