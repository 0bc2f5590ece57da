package io.vidlog.projection.metadata;

import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoStatus;
import io.vidlog.projection.support.CountDeltas;
import io.vidlog.projection.support.EventBatch;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of the {@code video-metadata} projection. Changes are merged in memory (the last state of each row, the
 * sum of each count) and written in order: new videos, video changes, counts, then the viewers' rows.
 */
final class VideoMetadataBatch implements EventBatch {

    private record UserVideo(String userId, String videoId) {
    }

    /** A bookmark's end state in this batch: {@code at} is null when it was removed. */
    private record Bookmark(Instant at) {
    }

    /**
     * A viewing's end state in this batch. {@code positionSeconds} is null when the batch only saw the completion of
     * a session whose reports were in an earlier batch.
     */
    private static final class Watch {
        long session;
        Integer positionSeconds;
        boolean completed;
        Instant at;
    }

    private final JdbcTemplate jdbc;
    private final Map<String, VideoChange> videos = new LinkedHashMap<>();
    private final CountDeltas counts = new CountDeltas();
    private final Map<UserVideo, Reaction> reactions = new LinkedHashMap<>();
    private final Map<UserVideo, Bookmark> bookmarks = new LinkedHashMap<>();
    private final Map<UserVideo, Watch> watches = new LinkedHashMap<>();

    VideoMetadataBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void created(VideoCreatedEvent event, Instant at) {
        videos.put(event.videoId(), VideoChange.created(event, at));
    }

    VideoChange video(String videoId) {
        return videos.computeIfAbsent(videoId, VideoChange::existing);
    }

    void reactionChanged(String userId, String videoId, Reaction from, Reaction to) {
        counts.reactionChanged(videoId, from, to);
        reactions.put(new UserVideo(userId, videoId), to);
    }

    void bookmarked(String userId, String videoId, Instant at) {
        counts.bookmarked(videoId, true);
        bookmarks.put(new UserVideo(userId, videoId), new Bookmark(at));
    }

    void bookmarkRemoved(String userId, String videoId) {
        counts.bookmarked(videoId, false);
        bookmarks.put(new UserVideo(userId, videoId), new Bookmark(null));
    }

    void viewStarted(String videoId) {
        counts.viewStarted(videoId);
    }

    void progressRecorded(String userId, String videoId, long session, int positionSeconds, int watchedSecondsAdded,
                          Instant at) {
        counts.watched(videoId, watchedSecondsAdded);
        Watch watch = watches.computeIfAbsent(new UserVideo(userId, videoId), key -> new Watch());
        if (watch.session != session) {
            watch.completed = false;
        }
        watch.session = session;
        watch.positionSeconds = positionSeconds;
        watch.at = at;
    }

    void completed(String userId, String videoId, long session) {
        counts.completed(videoId);
        Watch watch = watches.computeIfAbsent(new UserVideo(userId, videoId), key -> new Watch());
        watch.session = session;
        watch.completed = true;
    }

    @Override
    public void flush() {
        EventBatch.commitWithoutWaitingForDisk(jdbc);
        writeVideos();
        counts.addTo(jdbc, "video_metadata");
        writeReactions();
        writeBookmarks();
        writeWatches();
    }

    private void writeVideos() {
        List<VideoChange> inserts = videos.values().stream().filter(VideoChange::isNew).toList();
        List<VideoChange> updates = videos.values().stream().filter(change -> !change.isNew()).toList();
        batch("""
                insert into video_metadata (video_id, owner_id, title, description, tags, video_type, status,
                    duration_seconds, created_at, published_at, manifest_key, poster_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                inserts, (ps, video) -> {
                    ps.setString(1, video.videoId);
                    ps.setString(2, video.ownerId);
                    ps.setString(3, video.title);
                    ps.setString(4, video.description);
                    ps.setArray(5, textArray(ps, video.tags));
                    ps.setString(6, video.videoType);
                    ps.setString(7, video.status.name());
                    ps.setInt(8, video.durationSeconds == null ? 0 : video.durationSeconds);
                    ps.setTimestamp(9, EventBatch.timestamp(video.createdAt));
                    ps.setTimestamp(10, EventBatch.timestamp(video.publishedAt));
                    ps.setString(11, video.manifestKey);
                    ps.setString(12, video.posterKey);
                });
        batch("""
                update video_metadata set title = coalesce(?, title), description = coalesce(?, description),
                    tags = coalesce(?, tags),
                    status = case when status = 'DELETED' then status
                                  when status = 'READY' and ? in ('TRANSCODING', 'FAILED') then status
                                  else coalesce(?, status) end,
                    duration_seconds = coalesce(?, duration_seconds), published_at = coalesce(?, published_at),
                    manifest_key = coalesce(?, manifest_key), poster_key = coalesce(?, poster_key)
                where video_id = ?""",
                updates, (ps, video) -> {
                    String status = video.status == null ? null : video.status.name();
                    ps.setString(1, video.title);
                    ps.setString(2, video.description);
                    ps.setArray(3, video.tags == null ? null : textArray(ps, video.tags));
                    ps.setString(4, status);
                    ps.setString(5, status);
                    ps.setObject(6, video.durationSeconds, java.sql.Types.INTEGER);
                    ps.setTimestamp(7, EventBatch.timestamp(video.publishedAt));
                    ps.setString(8, video.manifestKey);
                    ps.setString(9, video.posterKey);
                    ps.setString(10, video.videoId);
                });
    }

    private void writeReactions() {
        List<Map.Entry<UserVideo, Reaction>> set = new ArrayList<>();
        List<Map.Entry<UserVideo, Reaction>> cleared = new ArrayList<>();
        reactions.entrySet().forEach(entry -> (entry.getValue() == Reaction.NONE ? cleared : set).add(entry));
        batch("""
                insert into video_reaction (user_id, video_id, reaction) values (?, ?, ?)
                on conflict (user_id, video_id) do update set reaction = excluded.reaction""",
                set, (ps, entry) -> {
                    ps.setString(1, entry.getKey().userId());
                    ps.setString(2, entry.getKey().videoId());
                    ps.setString(3, entry.getValue().name());
                });
        deleteRows("video_reaction", cleared.stream().map(Map.Entry::getKey).toList());
    }

    private void writeBookmarks() {
        List<Map.Entry<UserVideo, Bookmark>> set = new ArrayList<>();
        List<Map.Entry<UserVideo, Bookmark>> removed = new ArrayList<>();
        bookmarks.entrySet().forEach(entry -> (entry.getValue().at() == null ? removed : set).add(entry));
        batch("""
                insert into video_bookmark (user_id, video_id, bookmarked_at) values (?, ?, ?)
                on conflict (user_id, video_id) do update set bookmarked_at = excluded.bookmarked_at""",
                set, (ps, entry) -> {
                    ps.setString(1, entry.getKey().userId());
                    ps.setString(2, entry.getKey().videoId());
                    ps.setTimestamp(3, EventBatch.timestamp(entry.getValue().at()));
                });
        deleteRows("video_bookmark", removed.stream().map(Map.Entry::getKey).toList());
    }

    private void writeWatches() {
        List<Map.Entry<UserVideo, Watch>> reported = new ArrayList<>();
        List<Map.Entry<UserVideo, Watch>> completedOnly = new ArrayList<>();
        watches.entrySet().forEach(entry ->
                (entry.getValue().positionSeconds == null ? completedOnly : reported).add(entry));
        // A session's completion stays set while later reports of the same session arrive.
        batch("""
                insert into watch_history (user_id, video_id, session, position_seconds, completed, watched_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (user_id, video_id) do update set session = excluded.session,
                    position_seconds = excluded.position_seconds, watched_at = excluded.watched_at,
                    completed = excluded.completed
                        or (watch_history.completed and watch_history.session = excluded.session)""",
                reported, (ps, entry) -> {
                    Watch watch = entry.getValue();
                    ps.setString(1, entry.getKey().userId());
                    ps.setString(2, entry.getKey().videoId());
                    ps.setLong(3, watch.session);
                    ps.setInt(4, watch.positionSeconds);
                    ps.setBoolean(5, watch.completed);
                    ps.setTimestamp(6, EventBatch.timestamp(watch.at));
                });
        batch("update watch_history set completed = true where user_id = ? and video_id = ? and session = ?",
                completedOnly, (ps, entry) -> {
                    ps.setString(1, entry.getKey().userId());
                    ps.setString(2, entry.getKey().videoId());
                    ps.setLong(3, entry.getValue().session);
                });
    }

    /** Deletes the viewers' rows of {@code table} (a reaction cleared, a bookmark removed). */
    private void deleteRows(String table, List<UserVideo> keys) {
        batch("delete from " + table + " where user_id = ? and video_id = ?", keys, (ps, key) -> {
            ps.setString(1, key.userId());
            ps.setString(2, key.videoId());
        });
    }

    private <T> void batch(String sql, List<T> rows, StatementFiller<T> filler) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, rows.size(), filler::fill);
        }
    }

    @FunctionalInterface
    private interface StatementFiller<T> {
        void fill(PreparedStatement statement, T row) throws SQLException;
    }

    private static Array textArray(PreparedStatement statement, List<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }

    /** A video's row: complete when created in this batch, otherwise only the fields this batch changed. */
    static final class VideoChange {
        private final String videoId;
        private final boolean isNew;
        private String ownerId;
        private String title;
        private String description;
        private List<String> tags;
        private String videoType;
        private VideoStatus status;
        private Integer durationSeconds;
        private Instant createdAt;
        private Instant publishedAt;
        private String manifestKey;
        private String posterKey;

        private VideoChange(String videoId, boolean isNew) {
            this.videoId = videoId;
            this.isNew = isNew;
        }

        static VideoChange created(VideoCreatedEvent event, Instant at) {
            VideoChange change = new VideoChange(event.videoId(), true);
            change.ownerId = event.ownerId();
            change.title = event.title();
            change.description = event.description();
            change.tags = event.tags();
            change.videoType = event.videoType().name();
            change.status = VideoStatus.DRAFT;
            change.createdAt = at;
            return change;
        }

        static VideoChange existing(String videoId) {
            return new VideoChange(videoId, false);
        }

        boolean isNew() {
            return isNew;
        }

        void edited(String newTitle, String newDescription, List<String> newTags) {
            title = newTitle;
            description = newDescription;
            tags = newTags;
        }

        void published(int duration, Instant at, String newManifestKey, String newPosterKey) {
            status = VideoStatus.READY;
            durationSeconds = duration;
            publishedAt = at;
            manifestKey = newManifestKey;
            posterKey = newPosterKey;
        }

        /** By {@link VideoLifecycle#next}; the update statement applies the same rule to the stored status. */
        void statusChanged(VideoStatus next) {
            status = VideoLifecycle.next(status, next);
        }

        void deleted() {
            status = VideoStatus.DELETED;
        }
    }
}
