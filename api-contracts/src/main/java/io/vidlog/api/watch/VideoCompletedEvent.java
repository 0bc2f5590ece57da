package io.vidlog.api.watch;

import io.vidlog.api.engagement.ViewerEvent;

/** The viewer reached 90 % of the video's duration; emitted at most once per viewing session. */
public record VideoCompletedEvent(String watchId, String userId, String videoId, long session) implements ViewerEvent {
}
