package io.vidlog.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes a video READY for viewers once its media is playable: sent by the transcoding saga with the HLS ladder's
 * {@code manifestKey} and {@code posterKey}, and by the local-only demo endpoint for videos without media (both
 * {@code null}).
 */
public record PublishVideoCommand(@TargetAggregateIdentifier String videoId, int durationSeconds, String manifestKey,
                                  String posterKey) {

    /** A video without media (local demo videos). */
    public static PublishVideoCommand withoutMedia(String videoId, int durationSeconds) {
        return new PublishVideoCommand(videoId, durationSeconds, null, null);
    }
}
