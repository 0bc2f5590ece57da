package io.vidlog.api.transcode;

import io.vidlog.api.video.VideoEvent;

/** Starts a new run of the transcoding saga for a video whose source is already in S3. */
public record VideoRetranscodeRequestedEvent(String videoId, String sourceKey, long sourceSizeBytes,
                                             String requestedBy) implements VideoEvent {
}
