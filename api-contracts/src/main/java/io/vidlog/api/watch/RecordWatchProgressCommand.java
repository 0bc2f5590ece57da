package io.vidlog.api.watch;

import io.vidlog.api.engagement.EngagementIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A player's periodic report (about every 10 s) of where playback stands.
 *
 * @param positionSeconds the playback position
 * @param sequence        increases with every report of a playback; a report whose sequence is not above the last
 *                        accepted one of the current viewing session arrived out of order and is ignored
 * @param durationSeconds the video's duration, looked up on the command side by the caller; 0 if unknown
 */
public record RecordWatchProgressCommand(@TargetAggregateIdentifier String watchId, String userId, String videoId,
                                         int positionSeconds, long sequence, int durationSeconds) {

    public static RecordWatchProgressCommand of(String userId, String videoId, int positionSeconds, long sequence,
                                                int durationSeconds) {
        return new RecordWatchProgressCommand(EngagementIds.watchId(userId, videoId), userId, videoId,
                positionSeconds, sequence, durationSeconds);
    }
}
