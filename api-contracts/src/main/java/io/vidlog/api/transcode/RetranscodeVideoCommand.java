package io.vidlog.api.transcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin asks for a fresh transcode of an uploaded video (after a failure, or with a better ladder). */
public record RetranscodeVideoCommand(@TargetAggregateIdentifier String videoId, String requestedBy) {
}
