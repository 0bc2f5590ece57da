package io.vidlog.projection.ranking;

import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.api.watch.WatchProgressRecordedEvent;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.support.CountDeltas;
import io.vidlog.projection.support.EngagementCounting;
import io.vidlog.projection.support.EventBatch;
import io.vidlog.projection.support.RedisCopies;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code ranking_video} (which videos are READY, their engagement counts) and, after each commit, the Redis
 * rankings derived from it ({@link RankingRedisCopy}). A video leaves the rankings the moment it is deleted.
 */
@Component
@ProcessingGroup(ProcessingGroups.RANKINGS)
class RankingProjection extends EngagementCounting {

    private final JdbcTemplate jdbc;
    private final RedisCopies redis;
    private final RankingRedisCopy copy;

    RankingProjection(JdbcTemplate jdbc, RedisCopies redis, RankingRedisCopy copy) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.copy = copy;
    }

    @EventHandler
    void on(VideoCreatedEvent event) {
        batch().ready(event.videoId(), false);
    }

    @EventHandler
    void on(VideoPublishedEvent event) {
        batch().ready(event.videoId(), true);
    }

    @EventHandler
    void on(VideoDeletedEvent event) {
        batch().ready(event.videoId(), false);
    }

    @EventHandler
    void on(WatchProgressRecordedEvent event) {
        batch().counts(event.videoId()).watched(event.videoId(), event.watchedSecondsAdded());
    }

    @Override
    protected CountDeltas counts(String videoId) {
        return batch().counts(videoId);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table ranking_video");
        redis.clear(copy);
    }

    private Batch batch() {
        return EventBatch.current(Batch.class, () -> new Batch(jdbc, redis, copy));
    }

    /** One batch: READY flags (the last per video), count deltas, and the videos whose rankings to rewrite. */
    static final class Batch implements EventBatch {

        private final JdbcTemplate jdbc;
        private final RedisCopies redis;
        private final RankingRedisCopy copy;
        private final Map<String, Boolean> readiness = new LinkedHashMap<>();
        private final CountDeltas counts = new CountDeltas();
        private final Set<String> touched = new LinkedHashSet<>();

        Batch(JdbcTemplate jdbc, RedisCopies redis, RankingRedisCopy copy) {
            this.jdbc = jdbc;
            this.redis = redis;
            this.copy = copy;
        }

        void ready(String videoId, boolean ready) {
            readiness.put(videoId, ready);
            touched.add(videoId);
        }

        CountDeltas counts(String videoId) {
            touched.add(videoId);
            return counts;
        }

        @Override
        public void flush() {
            EventBatch.commitWithoutWaitingForDisk(jdbc);
            if (!readiness.isEmpty()) {
                List<Object[]> rows = readiness.entrySet().stream()
                        .map(entry -> new Object[]{entry.getKey(), entry.getValue()}).toList();
                jdbc.batchUpdate("""
                        insert into ranking_video (video_id, ready) values (?, ?)
                        on conflict (video_id) do update set ready = excluded.ready""", rows);
            }
            counts.addTo(jdbc, "ranking_video");
        }

        @Override
        public void afterCommit() {
            if (!touched.isEmpty()) {
                redis.write(copy, () -> copy.write(touched));
            }
        }
    }
}
