package io.vidlog.api.transcode;

import io.vidlog.api.video.VideoEvent;

public record VideoTranscodingFailedEvent(String videoId, String ownerId, String reason) implements VideoEvent {
}
