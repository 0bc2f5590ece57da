package io.vidlog.api.transcode;

import io.vidlog.api.video.VideoEvent;

public record TranscodeProgressedEvent(String videoId, String attemptId, int attempt, int percent)
        implements VideoEvent {
}
