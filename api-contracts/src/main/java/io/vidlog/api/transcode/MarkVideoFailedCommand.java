package io.vidlog.api.transcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The saga gives up: no attempt produced a playable video. */
public record MarkVideoFailedCommand(@TargetAggregateIdentifier String videoId, String reason) {
}
