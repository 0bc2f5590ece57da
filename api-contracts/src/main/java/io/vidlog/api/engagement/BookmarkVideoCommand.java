package io.vidlog.api.engagement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Bookmarks a video for a viewer; an already bookmarked video stays bookmarked and nothing is emitted. */
public record BookmarkVideoCommand(@TargetAggregateIdentifier String engagementId, String userId, String videoId) {

    public static BookmarkVideoCommand of(String userId, String videoId) {
        return new BookmarkVideoCommand(EngagementIds.engagementId(userId, videoId), userId, videoId);
    }
}
