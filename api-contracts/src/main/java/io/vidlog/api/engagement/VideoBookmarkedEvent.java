package io.vidlog.api.engagement;

/** A viewer bookmarked a video that was not bookmarked before. */
public record VideoBookmarkedEvent(String engagementId, String userId, String videoId) implements ViewerEvent {
}
