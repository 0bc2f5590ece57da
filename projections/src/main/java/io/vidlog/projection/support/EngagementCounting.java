package io.vidlog.projection.support;

import io.vidlog.api.engagement.VideoBookmarkRemovedEvent;
import io.vidlog.api.engagement.VideoBookmarkedEvent;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import io.vidlog.api.watch.VideoCompletedEvent;
import io.vidlog.api.watch.VideoViewStartedEvent;
import org.axonframework.eventhandling.EventHandler;

/**
 * The event handlers a projection needs to keep each video's engagement counts: every event that changes a count
 * adds its delta to the batch's {@link CountDeltas}. A projection extends it and says where its batch keeps them.
 */
public abstract class EngagementCounting {

    /** The count deltas of the current batch, noting that {@code videoId}'s counts change. */
    protected abstract CountDeltas counts(String videoId);

    @EventHandler
    void on(VideoReactionChangedEvent event) {
        counts(event.videoId()).reactionChanged(event.videoId(), event.from(), event.to());
    }

    @EventHandler
    void on(VideoBookmarkedEvent event) {
        counts(event.videoId()).bookmarked(event.videoId(), true);
    }

    @EventHandler
    void on(VideoBookmarkRemovedEvent event) {
        counts(event.videoId()).bookmarked(event.videoId(), false);
    }

    @EventHandler
    void on(VideoViewStartedEvent event) {
        counts(event.videoId()).viewStarted(event.videoId());
    }

    @EventHandler
    void on(VideoCompletedEvent event) {
        counts(event.videoId()).completed(event.videoId());
    }
}
