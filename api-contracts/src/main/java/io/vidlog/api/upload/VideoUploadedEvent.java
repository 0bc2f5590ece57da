package io.vidlog.api.upload;

import io.vidlog.api.video.VideoEvent;

/** The source file is in S3 under {@code sourceKey}: transcoding can start. */
public record VideoUploadedEvent(String videoId, String ownerId, String uploadId, String sourceKey,
                                 String contentType, long sizeBytes) implements VideoEvent {
}
