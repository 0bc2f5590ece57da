package io.vidlog.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes a video READY for viewers once its media is playable (sent by the transcoding saga, and by the local-only
 * demo endpoint for videos without media).
 */
public record PublishVideoCommand(@TargetAggregateIdentifier String videoId, int durationSeconds) {
}
