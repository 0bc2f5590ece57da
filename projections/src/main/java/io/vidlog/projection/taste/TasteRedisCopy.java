package io.vidlog.projection.taste;

import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.support.RedisCopy;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Taste scores in Redis: one sorted set per viewer ({@code vidlog:taste:<userId>}), tag → score. Rows of
 * {@code taste_score} are never deleted (a count only changes), so writing the rows a batch changed is enough to
 * bring the users' sets up to date.
 */
@Component
public class TasteRedisCopy implements RedisCopy {

    private static final String KEY_PREFIX = "vidlog:taste:";
    private static final int CHUNK = 2000;
    private static final String SELECT = """
            select user_id, tag, likes, superlikes, dislikes, bookmarks, completions, watched_seconds
            from taste_score""";

    private record Row(String userId, String tag, double score) {
    }

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final TasteWeights weights;

    TasteRedisCopy(JdbcTemplate jdbc, StringRedisTemplate redis, TasteWeights weights) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.weights = weights;
    }

    /** The Redis key of a user's taste scores. */
    public static String key(String userId) {
        return KEY_PREFIX + userId;
    }

    @Override
    public String name() {
        return ProcessingGroups.TASTE_SCORES;
    }

    /** Writes the current scores of these (user, tag) pairs. */
    void write(Collection<TasteBatch.UserTag> pairs) {
        String[] users = pairs.stream().map(TasteBatch.UserTag::userId).toArray(String[]::new);
        String[] tags = pairs.stream().map(TasteBatch.UserTag::tag).toArray(String[]::new);
        writeRows(jdbc.query(SELECT + " join unnest(?::varchar[], ?::varchar[]) as changed (user_id, tag) "
                + "using (user_id, tag)", (rs, n) -> row(rs), users, tags));
    }

    @Override
    public void rebuild() {
        RedisCopy.inChunks(jdbc, SELECT, (rs, n) -> row(rs), CHUNK, this::writeRows);
    }

    @Override
    public void clear() {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(KEY_PREFIX + "*").count(1000)
                .build())) {
            cursor.forEachRemaining(keys::add);
        }
        for (int from = 0; from < keys.size(); from += CHUNK) {
            redis.delete(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
        }
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("user_id"), rs.getString("tag"),
                weights.score(rs.getLong("likes"), rs.getLong("superlikes"), rs.getLong("dislikes"),
                        rs.getLong("bookmarks"), rs.getLong("completions"), rs.getLong("watched_seconds")));
    }

    private void writeRows(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Row row : rows) {
                connection.zSetCommands().zAdd(bytes(key(row.userId())), row.score(), bytes(row.tag()));
            }
            return null;
        });
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
