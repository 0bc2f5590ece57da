package io.vidlog.api.watch;

import java.time.Instant;

/** @param completed whether the viewer reached 90 % of the video in the latest viewing */
public record HistoryItem(String videoId, String title, int positionSeconds, boolean completed, Instant watchedAt) {
}
