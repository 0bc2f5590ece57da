package io.vidlog.command.engagement;

import io.vidlog.api.engagement.BookmarkVideoCommand;
import io.vidlog.api.engagement.ClearVideoReactionCommand;
import io.vidlog.api.engagement.EngagementIds;
import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.engagement.ReactToVideoCommand;
import io.vidlog.api.engagement.RemoveVideoBookmarkCommand;
import io.vidlog.api.engagement.VideoBookmarkRemovedEvent;
import io.vidlog.api.engagement.VideoBookmarkedEvent;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One viewer's engagement with one video: the reaction and the bookmark. One small aggregate per (user, video)
 * rather than one per video, so a popular video's viewers never contend on one event stream; counts are a
 * projection.
 * <p>
 * Every command sets a state (set semantics): a command that would not change it emits nothing, so retries are
 * harmless, and every event carries the previous value so projections apply exact deltas.
 */
@Aggregate(repository = "engagementRepository")
public class Engagement {

    @AggregateIdentifier
    private String engagementId;
    private Reaction reaction = Reaction.NONE;
    private boolean bookmarked;

    protected Engagement() {
        // for Axon: event sourcing and CREATE_IF_MISSING both start from an empty instance
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReactToVideoCommand command) {
        requireOwnIdentity(command.engagementId(), command.userId(), command.videoId());
        if (command.reaction() == null || command.reaction() == Reaction.NONE) {
            throw new IllegalArgumentException("A reaction is LIKE, DISLIKE or SUPERLIKE; clear it to remove it");
        }
        if (command.reaction() == reaction) {
            return;
        }
        apply(new VideoReactionChangedEvent(command.engagementId(), command.userId(), command.videoId(), reaction,
                command.reaction()));
    }

    @CommandHandler
    void handle(ClearVideoReactionCommand command) {
        requireOwnIdentity(command.engagementId(), command.userId(), command.videoId());
        if (reaction == Reaction.NONE) {
            return;
        }
        apply(new VideoReactionChangedEvent(engagementId, command.userId(), command.videoId(), reaction,
                Reaction.NONE));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BookmarkVideoCommand command) {
        requireOwnIdentity(command.engagementId(), command.userId(), command.videoId());
        if (bookmarked) {
            return;
        }
        apply(new VideoBookmarkedEvent(command.engagementId(), command.userId(), command.videoId()));
    }

    @CommandHandler
    void handle(RemoveVideoBookmarkCommand command) {
        requireOwnIdentity(command.engagementId(), command.userId(), command.videoId());
        if (!bookmarked) {
            return;
        }
        apply(new VideoBookmarkRemovedEvent(engagementId, command.userId(), command.videoId()));
    }

    /**
     * Events carry the command's user and video; a command whose id names another (user, video) would write them
     * into the wrong stream and corrupt every per-user read model.
     */
    private static void requireOwnIdentity(String engagementId, String userId, String videoId) {
        if (!EngagementIds.engagementId(userId, videoId).equals(engagementId)) {
            throw new IllegalArgumentException("Engagement id " + engagementId + " does not belong to user "
                    + userId + " and video " + videoId);
        }
    }

    // Either event can be the first of a stream (CREATE_IF_MISSING), and the identifier of a new aggregate is only
    // known once its first event is applied: so both set it.

    @EventSourcingHandler
    void on(VideoReactionChangedEvent event) {
        engagementId = event.engagementId();
        reaction = event.to();
    }

    @EventSourcingHandler
    void on(VideoBookmarkedEvent event) {
        engagementId = event.engagementId();
        bookmarked = true;
    }

    @EventSourcingHandler
    void on(VideoBookmarkRemovedEvent event) {
        bookmarked = false;
    }
}
