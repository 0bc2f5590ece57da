package io.vidlog.api.watch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import io.vidlog.api.video.VideoLimits;

/**
 * Body of {@code POST /api/v1/videos/{id}/progress}, sent by players about every 10 s.
 *
 * @param sequence increases with every report of a playback; a report with a sequence not above the last one is
 *                 stale (it arrived out of order) and ignored
 */
public record WatchProgressRequest(
        @NotNull @PositiveOrZero @Max(VideoLimits.DURATION_SECONDS) Integer positionSeconds,
        @NotNull @PositiveOrZero Long sequence) {
}
