package io.vidlog.projection.metadata;

import io.vidlog.api.engagement.BookmarkItem;
import io.vidlog.api.engagement.BookmarkPage;
import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.query.PageRequest;
import io.vidlog.api.video.VideoMedia;
import io.vidlog.api.video.VideoStatus;
import io.vidlog.api.video.VideoType;
import io.vidlog.api.video.VideoView;
import io.vidlog.api.watch.HistoryItem;
import io.vidlog.api.watch.HistoryPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads of the {@code video-metadata} read model, for the query side. Lists never show a deleted video. */
@Component
public class VideoMetadataReadModel {

    private final JdbcTemplate jdbc;

    VideoMetadataReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The video with its counts, without {@code me}. */
    public Optional<VideoView> find(String videoId) {
        return jdbc.query("select * from video_metadata where video_id = ?", (rs, n) -> video(rs), videoId).stream()
                .findFirst();
    }

    public Optional<VideoMedia> media(String videoId) {
        return jdbc.query("select video_id, status, manifest_key, poster_key from video_metadata where video_id = ?",
                (rs, n) -> new VideoMedia(rs.getString(1), VideoStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4)), videoId).stream().findFirst();
    }

    /** A viewer's own engagement with a video (NONE, not bookmarked, position 0 when there is none). */
    public VideoView.Me viewerState(String userId, String videoId) {
        return jdbc.queryForObject("""
                select (select reaction from video_reaction where user_id = ? and video_id = ?) as reaction,
                       exists (select 1 from video_bookmark where user_id = ? and video_id = ?) as bookmarked,
                       (select position_seconds from watch_history where user_id = ? and video_id = ?) as position""",
                (rs, n) -> new VideoView.Me(
                        rs.getString("reaction") == null ? Reaction.NONE : Reaction.valueOf(rs.getString("reaction")),
                        rs.getBoolean("bookmarked"), rs.getInt("position")),
                userId, videoId, userId, videoId, userId, videoId);
    }

    public BookmarkPage bookmarks(String userId, PageRequest page) {
        List<BookmarkItem> items = jdbc.query("""
                        select b.video_id, m.title, b.bookmarked_at from video_bookmark b
                        join video_metadata m on m.video_id = b.video_id and m.status <> 'DELETED'
                        where b.user_id = ? order by b.bookmarked_at desc, b.video_id limit ? offset ?""",
                (rs, n) -> new BookmarkItem(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3))),
                userId, page.size(), page.offset());
        long total = jdbc.queryForObject("""
                select count(*) from video_bookmark b
                join video_metadata m on m.video_id = b.video_id and m.status <> 'DELETED'
                where b.user_id = ?""", Long.class, userId);
        return new BookmarkPage(items, page.page(), page.size(), total);
    }

    public HistoryPage history(String userId, PageRequest page) {
        List<HistoryItem> items = jdbc.query("""
                        select h.video_id, m.title, h.position_seconds, h.completed, h.watched_at from watch_history h
                        join video_metadata m on m.video_id = h.video_id and m.status <> 'DELETED'
                        where h.user_id = ? order by h.watched_at desc, h.video_id limit ? offset ?""",
                (rs, n) -> new HistoryItem(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4),
                        instant(rs.getTimestamp(5))),
                userId, page.size(), page.offset());
        long total = jdbc.queryForObject("""
                select count(*) from watch_history h
                join video_metadata m on m.video_id = h.video_id and m.status <> 'DELETED'
                where h.user_id = ?""", Long.class, userId);
        return new HistoryPage(items, page.page(), page.size(), total);
    }

    /** Videos a viewer has no use for in a feed: those disliked, then those watched to the end, latest first. */
    public List<String> dislikedOrCompleted(String userId, int limit) {
        return jdbc.queryForList("""
                select video_id from (
                    select video_id, 0 as kind, null::timestamptz as at from video_reaction
                    where user_id = ? and reaction = 'DISLIKE'
                    union all
                    select video_id, 1, watched_at from watch_history where user_id = ? and completed) skipped
                order by kind, at desc limit ?""", String.class, userId, userId, limit);
    }

    /** Titles of those of {@code videoIds} that are READY. */
    public Map<String, String> readyTitles(Collection<String> videoIds) {
        return jdbc.query("select video_id, title from video_metadata where video_id = any(?) and status = 'READY'",
                        (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)),
                        (Object) videoIds.toArray(String[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static VideoView video(ResultSet rs) throws SQLException {
        return new VideoView(rs.getString("video_id"), rs.getString("title"), rs.getString("description"),
                List.of((String[]) rs.getArray("tags").getArray()), VideoType.valueOf(rs.getString("video_type")),
                VideoStatus.valueOf(rs.getString("status")), rs.getString("owner_id"), rs.getInt("duration_seconds"),
                instant(rs.getTimestamp("published_at")),
                new VideoView.Counts(rs.getLong("likes"), rs.getLong("dislikes"), rs.getLong("superlikes"),
                        rs.getLong("bookmarks"), rs.getLong("views"), rs.getLong("completions")),
                null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
