package io.vidlog.projection.taste;

import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.engagement.VideoBookmarkRemovedEvent;
import io.vidlog.api.engagement.VideoBookmarkedEvent;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoEditedEvent;
import io.vidlog.api.watch.VideoCompletedEvent;
import io.vidlog.api.watch.WatchProgressRecordedEvent;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.support.EventBatch;
import io.vidlog.projection.support.RedisCopies;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per viewer and tag, the engagements that make up the taste score ({@code taste_score}), and copies the
 * scores to Redis after each commit ({@link TasteRedisCopy}). An engagement counts for the tags the video has when
 * it happens; this group processes its events strictly in order (sequencing policy {@code sequentialPolicy} in
 * application.yml), so a replay attributes every engagement to the same tags as live processing did.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASTE_SCORES)
class TasteScoreProjection {

    private final JdbcTemplate jdbc;
    private final RedisCopies redis;
    private final TasteRedisCopy copy;
    /** Committed tags by video; a batch sees its own changes first ({@link TasteBatch#tagsOf}). */
    private final Map<String, List<String>> committedTags = new ConcurrentHashMap<>();

    TasteScoreProjection(JdbcTemplate jdbc, RedisCopies redis, TasteRedisCopy copy) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.copy = copy;
    }

    @EventHandler
    void on(VideoCreatedEvent event) {
        batch().tagged(event.videoId(), event.tags());
    }

    @EventHandler
    void on(VideoEditedEvent event) {
        batch().tagged(event.videoId(), event.tags());
    }

    @EventHandler
    void on(VideoReactionChangedEvent event) {
        TasteBatch batch = batch();
        batch.add(event.userId(), event.videoId(), column(event.from()), -1);
        batch.add(event.userId(), event.videoId(), column(event.to()), 1);
    }

    @EventHandler
    void on(VideoBookmarkedEvent event) {
        batch().add(event.userId(), event.videoId(), TasteBatch.BOOKMARKS, 1);
    }

    @EventHandler
    void on(VideoBookmarkRemovedEvent event) {
        batch().add(event.userId(), event.videoId(), TasteBatch.BOOKMARKS, -1);
    }

    @EventHandler
    void on(VideoCompletedEvent event) {
        batch().add(event.userId(), event.videoId(), TasteBatch.COMPLETIONS, 1);
    }

    @EventHandler
    void on(WatchProgressRecordedEvent event) {
        if (event.watchedSecondsAdded() > 0) {
            batch().add(event.userId(), event.videoId(), TasteBatch.WATCHED_SECONDS, event.watchedSecondsAdded());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table taste_score, taste_video_tags");
        committedTags.clear();
        redis.clear(copy);
    }

    private static int column(Reaction reaction) {
        return switch (reaction) {
            case LIKE -> TasteBatch.LIKES;
            case SUPERLIKE -> TasteBatch.SUPERLIKES;
            case DISLIKE -> TasteBatch.DISLIKES;
            case NONE -> TasteBatch.NONE;
        };
    }

    private TasteBatch batch() {
        return EventBatch.current(TasteBatch.class, () -> new TasteBatch(jdbc, committedTags, redis, copy));
    }
}
