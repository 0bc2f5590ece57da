package io.vidlog.api.transcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Attempt {@code attemptId} wrote a playable HLS ladder. */
public record CompleteTranscodeCommand(@TargetAggregateIdentifier String videoId, String attemptId,
                                       double durationSeconds, String manifestKey, String posterKey,
                                       List<Rendition> renditions) {
}
