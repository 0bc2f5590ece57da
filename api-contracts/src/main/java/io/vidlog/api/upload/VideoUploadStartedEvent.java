package io.vidlog.api.upload;

import io.vidlog.api.video.VideoEvent;

public record VideoUploadStartedEvent(String videoId, String uploadId, String sourceKey, String fileName,
                                      String contentType, long sizeBytes) implements VideoEvent {
}
