package io.vidlog.api.watch;

import io.vidlog.api.engagement.ViewerEvent;

/**
 * A viewing session began: the first report of a viewer on a video, or the first one after a long pause. Counts as
 * one view; emitted once per session, before that session's first {@link WatchProgressRecordedEvent}.
 */
public record VideoViewStartedEvent(String watchId, String userId, String videoId, long session) implements ViewerEvent {
}
