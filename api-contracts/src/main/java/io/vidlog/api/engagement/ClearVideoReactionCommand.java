package io.vidlog.api.engagement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes a viewer's reaction to a video; without a reaction it changes nothing. Targets an existing Engagement
 * only: a viewer who never engaged with the video has nothing to clear.
 */
public record ClearVideoReactionCommand(@TargetAggregateIdentifier String engagementId, String userId,
                                        String videoId) {

    public static ClearVideoReactionCommand of(String userId, String videoId) {
        return new ClearVideoReactionCommand(EngagementIds.engagementId(userId, videoId), userId, videoId);
    }
}
