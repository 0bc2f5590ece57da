package io.vidlog.projection.taste;

import io.vidlog.projection.support.EventBatch;
import io.vidlog.projection.support.RedisCopies;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One batch of {@code taste-scores}: tag changes, and the engagement count deltas per (user, tag). */
final class TasteBatch implements EventBatch {

    /** Columns of {@code taste_score}, indexes into a delta; {@link #NONE} is the absence of a reaction. */
    static final int NONE = -1;
    static final int LIKES = 0;
    static final int SUPERLIKES = 1;
    static final int DISLIKES = 2;
    static final int BOOKMARKS = 3;
    static final int COMPLETIONS = 4;
    static final int WATCHED_SECONDS = 5;
    private static final String[] COLUMNS =
            {"likes", "superlikes", "dislikes", "bookmarks", "completions", "watched_seconds"};

    record UserTag(String userId, String tag) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, List<String>> committedTags;
    private final RedisCopies redis;
    private final TasteRedisCopy copy;
    private final Map<String, List<String>> tags = new LinkedHashMap<>();
    private final Map<UserTag, long[]> deltas = new LinkedHashMap<>();

    TasteBatch(JdbcTemplate jdbc, Map<String, List<String>> committedTags, RedisCopies redis, TasteRedisCopy copy) {
        this.jdbc = jdbc;
        this.committedTags = committedTags;
        this.redis = redis;
        this.copy = copy;
    }

    void tagged(String videoId, List<String> videoTags) {
        tags.put(videoId, List.copyOf(videoTags));
    }

    void add(String userId, String videoId, int column, long amount) {
        if (column == NONE) {
            return;
        }
        for (String tag : tagsOf(videoId)) {
            deltas.computeIfAbsent(new UserTag(userId, tag), key -> new long[COLUMNS.length])[column] += amount;
        }
    }

    private List<String> tagsOf(String videoId) {
        List<String> changed = tags.get(videoId);
        if (changed != null) {
            return changed;
        }
        return committedTags.computeIfAbsent(videoId, id -> jdbc.query(
                "select tags from taste_video_tags where video_id = ?",
                rs -> rs.next() ? List.of((String[]) rs.getArray(1).getArray()) : List.<String>of(), id));
    }

    @Override
    public void flush() {
        EventBatch.commitWithoutWaitingForDisk(jdbc);
        if (!tags.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into taste_video_tags (video_id, tags) values (?, ?)
                    on conflict (video_id) do update set tags = excluded.tags""", new ArrayList<>(tags.entrySet()),
                    tags.size(), (ps, entry) -> {
                        ps.setString(1, entry.getKey());
                        ps.setArray(2, ps.getConnection().createArrayOf("text", entry.getValue().toArray()));
                    });
        }
        if (!deltas.isEmpty()) {
            StringBuilder sql = new StringBuilder("insert into taste_score (user_id, tag, ")
                    .append(String.join(", ", COLUMNS)).append(") values (?, ?")
                    .append(", ?".repeat(COLUMNS.length)).append(") on conflict (user_id, tag) do update set ");
            for (int i = 0; i < COLUMNS.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(COLUMNS[i]).append(" = taste_score.").append(COLUMNS[i])
                        .append(" + excluded.").append(COLUMNS[i]);
            }
            jdbc.batchUpdate(sql.toString(), new ArrayList<>(deltas.entrySet()), deltas.size(), (ps, entry) -> {
                ps.setString(1, entry.getKey().userId());
                ps.setString(2, entry.getKey().tag());
                long[] delta = entry.getValue();
                for (int i = 0; i < delta.length; i++) {
                    ps.setLong(3 + i, delta[i]);
                }
            });
        }
    }

    @Override
    public void afterCommit() {
        committedTags.putAll(tags);
        if (!deltas.isEmpty()) {
            redis.write(copy, () -> copy.write(deltas.keySet()));
        }
    }
}
