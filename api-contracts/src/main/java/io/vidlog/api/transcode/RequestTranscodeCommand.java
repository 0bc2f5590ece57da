package io.vidlog.api.transcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The transcoding saga starts attempt number {@code attempt}; a result must arrive before {@code deadline}. */
public record RequestTranscodeCommand(@TargetAggregateIdentifier String videoId, String attemptId, int attempt,
                                      Instant deadline) {
}
