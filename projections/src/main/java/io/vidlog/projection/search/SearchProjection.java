package io.vidlog.projection.search;

import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoEditedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.support.CountDeltas;
import io.vidlog.projection.support.EngagementCounting;
import io.vidlog.projection.support.EventBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@code search_video} (what is searchable: READY and not deleted, with its text and engagement counts) and,
 * after each commit, the Elasticsearch documents built from those rows ({@link SearchIndex}). A reset empties the
 * rows and starts a new index that replaces the served one once the replay has caught up.
 */
@Component
@ProcessingGroup(ProcessingGroups.SEARCH)
class SearchProjection extends EngagementCounting {

    private final JdbcTemplate jdbc;
    private final SearchIndex index;

    SearchProjection(JdbcTemplate jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @EventHandler
    void on(VideoCreatedEvent event) {
        batch().created(event);
    }

    @EventHandler
    void on(VideoEditedEvent event) {
        batch().video(event.videoId()).edited(event.title(), event.description(), event.tags());
    }

    @EventHandler
    void on(VideoPublishedEvent event, @Timestamp Instant at) {
        batch().video(event.videoId()).published(at);
    }

    @EventHandler
    void on(VideoDeletedEvent event) {
        batch().video(event.videoId()).deleted();
    }

    @Override
    protected CountDeltas counts(String videoId) {
        return batch().counts(videoId);
    }

    @ResetHandler
    void reset() {
        // The new index first: if Elasticsearch is away the reset fails before anything was emptied.
        index.startRebuild();
        jdbc.execute("truncate table search_video");
    }

    private SearchBatch batch() {
        return EventBatch.current(SearchBatch.class, () -> new SearchBatch(jdbc, index));
    }
}
