package io.vidlog.api.transcode;

import java.time.Instant;

/** One video's latest transcoding run, as {@code GET /admin/sagas} lists it. */
public record TranscodeRunSummary(String videoId, TranscodeRunStatus status, int attempt, int progress, Instant startedAt,
                                  Instant updatedAt, String lastError) {
}
