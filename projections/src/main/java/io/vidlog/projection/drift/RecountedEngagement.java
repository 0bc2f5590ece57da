package io.vidlog.projection.drift;

import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.engagement.VideoBookmarkRemovedEvent;
import io.vidlog.api.engagement.VideoBookmarkedEvent;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import io.vidlog.api.watch.VideoCompletedEvent;
import io.vidlog.api.watch.VideoViewStartedEvent;

import java.util.EnumMap;
import java.util.Map;

/**
 * One video's engagement counts recounted from its events, for the drift checks of read models that keep them:
 * the recount shares no code with the projections it checks.
 */
public final class RecountedEngagement {

    private final Map<Reaction, Long> reactions = new EnumMap<>(Reaction.class);
    private long bookmarks;
    private long views;
    private long completions;

    /** Counts {@code event} if it changes an engagement count; other events change nothing. */
    public void apply(Object event) {
        if (event instanceof VideoReactionChangedEvent changed) {
            reactions.merge(changed.from(), -1L, Long::sum);
            reactions.merge(changed.to(), 1L, Long::sum);
        } else if (event instanceof VideoBookmarkedEvent) {
            bookmarks++;
        } else if (event instanceof VideoBookmarkRemovedEvent) {
            bookmarks--;
        } else if (event instanceof VideoViewStartedEvent) {
            views++;
        } else if (event instanceof VideoCompletedEvent) {
            completions++;
        }
    }

    public long likes() {
        return reactions.getOrDefault(Reaction.LIKE, 0L);
    }

    public long dislikes() {
        return reactions.getOrDefault(Reaction.DISLIKE, 0L);
    }

    public long superlikes() {
        return reactions.getOrDefault(Reaction.SUPERLIKE, 0L);
    }

    public long bookmarks() {
        return bookmarks;
    }

    public long views() {
        return views;
    }

    public long completions() {
        return completions;
    }
}
