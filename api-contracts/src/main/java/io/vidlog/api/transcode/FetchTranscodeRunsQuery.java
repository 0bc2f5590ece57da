package io.vidlog.api.transcode;

import io.vidlog.api.query.PageRequest;

/**
 * Transcoding runs, most recently updated first; {@code status} (RUNNING, COMPLETED, FAILED) and a video id prefix narrow
 * them ({@code null}: no narrowing). Answered with {@link TranscodeRunList}.
 */
public record FetchTranscodeRunsQuery(TranscodeRunStatus status, String videoIdPrefix, PageRequest page) {
}
