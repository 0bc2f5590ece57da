package io.vidlog.api.watch;

import io.vidlog.api.engagement.ViewerEvent;

/**
 * A progress report was accepted.
 *
 * @param session             the viewing session it belongs to (1 for the first)
 * @param positionSeconds     the playback position: the viewer's latest position
 * @param watchedSecondsAdded seconds of the video watched for the first time in this session since the previous
 *                            report (0 after a seek or when re-watching): summing it gives watch time without double
 *                            counting
 */
public record WatchProgressRecordedEvent(String watchId, String userId, String videoId, long session, long sequence,
                                         int positionSeconds, int watchedSecondsAdded) implements ViewerEvent {
}
