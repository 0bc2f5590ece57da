package io.vidlog.projection.search;

import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.projection.support.CountDeltas;
import io.vidlog.projection.support.EventBatch;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch of the {@code search} projection: new videos, the fields later events changed, count deltas, and the
 * videos whose documents to rewrite once the batch committed.
 */
final class SearchBatch implements EventBatch {

    private final JdbcTemplate jdbc;
    private final SearchIndex index;
    private final Map<String, VideoChange> videos = new LinkedHashMap<>();
    private final CountDeltas counts = new CountDeltas();
    private final Set<String> touched = new LinkedHashSet<>();

    SearchBatch(JdbcTemplate jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    void created(VideoCreatedEvent event) {
        VideoChange change = new VideoChange(event.videoId(), true);
        change.ownerId = event.ownerId();
        change.edited(event.title(), event.description(), event.tags());
        change.videoType = event.videoType().name();
        videos.put(event.videoId(), change);
        touched.add(event.videoId());
    }

    VideoChange video(String videoId) {
        touched.add(videoId);
        return videos.computeIfAbsent(videoId, id -> new VideoChange(id, false));
    }

    CountDeltas counts(String videoId) {
        touched.add(videoId);
        return counts;
    }

    @Override
    public void flush() {
        EventBatch.commitWithoutWaitingForDisk(jdbc);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (VideoChange video : videos.values()) {
            if (video.isNew) {
                inserts.add(new Object[]{video.videoId, video.ownerId, video.title, video.description, video.tags,
                        video.videoType, video.ready, video.deleted, EventBatch.timestamp(video.publishedAt)});
            } else {
                updates.add(new Object[]{video.title, video.description, video.tags, video.ready, video.deleted,
                        EventBatch.timestamp(video.publishedAt), video.videoId});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into search_video (video_id, owner_id, title, description, tags, video_type, ready, deleted,
                        published_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
        // A video is published again after a re-transcode: its first publication stays its age in the feed.
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    update search_video set title = coalesce(?, title), description = coalesce(?, description),
                        tags = coalesce(?, tags), ready = ready or ?, deleted = deleted or ?,
                        published_at = coalesce(published_at, ?)
                    where video_id = ?""", updates);
        }
        counts.addTo(jdbc, "search_video");
    }

    @Override
    public void afterCommit() {
        index.write(touched);
    }

    /** A video's row: complete when created in this batch, otherwise only the fields this batch changed. */
    static final class VideoChange {
        private final String videoId;
        private final boolean isNew;
        private String ownerId;
        private String title;
        private String description;
        private String[] tags;
        private String videoType;
        private boolean ready;
        private boolean deleted;
        private Instant publishedAt;

        private VideoChange(String videoId, boolean isNew) {
            this.videoId = videoId;
            this.isNew = isNew;
        }

        void edited(String newTitle, String newDescription, List<String> newTags) {
            title = newTitle;
            description = newDescription;
            tags = newTags.toArray(String[]::new);
        }

        void published(Instant at) {
            ready = true;
            if (publishedAt == null) {
                publishedAt = at;
            }
        }

        void deleted() {
            deleted = true;
        }
    }
}
