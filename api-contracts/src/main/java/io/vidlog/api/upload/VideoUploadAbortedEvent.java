package io.vidlog.api.upload;

import io.vidlog.api.video.VideoEvent;

public record VideoUploadAbortedEvent(String videoId, String uploadId, String sourceKey) implements VideoEvent {
}
