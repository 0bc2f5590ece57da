package io.vidlog.api.transcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The media worker reports how far attempt {@code attemptId} has come. */
public record RecordTranscodeProgressCommand(@TargetAggregateIdentifier String videoId, String attemptId,
                                             int percent) {
}
