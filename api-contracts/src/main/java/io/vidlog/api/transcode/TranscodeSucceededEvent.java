package io.vidlog.api.transcode;

import io.vidlog.api.video.VideoEvent;

import java.util.List;

public record TranscodeSucceededEvent(String videoId, String attemptId, int attempt, double durationSeconds,
                                      String manifestKey, String posterKey, List<Rendition> renditions)
        implements VideoEvent {
}
