package io.vidlog.api.engagement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes a viewer's bookmark of a video; without a bookmark it changes nothing. Targets an existing Engagement
 * only: a viewer who never engaged with the video has nothing to remove.
 */
public record RemoveVideoBookmarkCommand(@TargetAggregateIdentifier String engagementId, String userId,
                                         String videoId) {

    public static RemoveVideoBookmarkCommand of(String userId, String videoId) {
        return new RemoveVideoBookmarkCommand(EngagementIds.engagementId(userId, videoId), userId, videoId);
    }
}
