package io.vidlog.api.watch;

/** The viewer reached 90 % of the video's duration; emitted at most once per viewing session. */
public record VideoCompletedEvent(String watchId, String userId, String videoId, long session) {
}
