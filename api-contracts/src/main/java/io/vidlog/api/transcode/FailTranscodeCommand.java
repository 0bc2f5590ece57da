package io.vidlog.api.transcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attempt {@code attemptId} failed: reported by the media worker, or by the saga when the attempt's deadline passed.
 * {@code retryable} is false when another attempt cannot do better (the source is not a video).
 */
public record FailTranscodeCommand(@TargetAggregateIdentifier String videoId, String attemptId, String reason,
                                   boolean retryable) {
}
