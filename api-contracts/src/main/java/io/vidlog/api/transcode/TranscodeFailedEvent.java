package io.vidlog.api.transcode;

import io.vidlog.api.video.VideoEvent;

public record TranscodeFailedEvent(String videoId, String attemptId, int attempt, String reason, boolean retryable)
        implements VideoEvent {
}
