package io.vidlog.mediaworker.ffmpeg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets a progress report through only when it has grown by a whole step and the previous report is old enough:
 * FFmpeg writes its progress twice a second, and the saga needs far less.
 */
public final class ProgressThrottle {

    private final int stepPercent;
    private final Duration minInterval;
    private final Clock clock;
    private int lastPercent;
    private Instant lastAt;

    public ProgressThrottle(int stepPercent, Duration minInterval, Clock clock) {
        this.stepPercent = stepPercent;
        this.minInterval = minInterval;
        this.clock = clock;
        this.lastAt = clock.instant();
    }

    public synchronized boolean admits(int percent) {
        Instant now = clock.instant();
        if (percent - lastPercent < stepPercent || Duration.between(lastAt, now).compareTo(minInterval) < 0) {
            return false;
        }
        lastPercent = percent;
        lastAt = now;
        return true;
    }
}
