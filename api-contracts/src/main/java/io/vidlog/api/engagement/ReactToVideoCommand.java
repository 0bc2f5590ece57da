package io.vidlog.api.engagement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets a viewer's reaction to a video (set semantics: the same reaction again changes nothing). The reaction is
 * LIKE, DISLIKE or SUPERLIKE; clearing it is {@link ClearVideoReactionCommand}.
 */
public record ReactToVideoCommand(@TargetAggregateIdentifier String engagementId, String userId, String videoId,
                                  Reaction reaction) {

    public static ReactToVideoCommand of(String userId, String videoId, Reaction reaction) {
        return new ReactToVideoCommand(EngagementIds.engagementId(userId, videoId), userId, videoId, reaction);
    }
}
