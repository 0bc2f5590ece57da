package io.vidlog.api.transcode;

import io.vidlog.api.video.VideoEvent;

import java.time.Instant;

/**
 * A transcode attempt was requested. Published from the event store to Kafka ({@link TranscodeTopics#REQUESTS}),
 * where the media worker reads it: it transcodes {@code sourceKey} into HLS under {@code outputPrefix} and gives up
 * at {@code deadline}, when the saga has stopped waiting for this attempt.
 */
public record TranscodeRequestedEvent(String videoId, String attemptId, int attempt, String sourceKey,
                                      long sourceSizeBytes, String outputPrefix, Instant deadline)
        implements VideoEvent {
}
