package io.vidlog.api.engagement;

/** A viewer removed the bookmark of a video that was bookmarked before. */
public record VideoBookmarkRemovedEvent(String engagementId, String userId, String videoId) implements ViewerEvent {
}
