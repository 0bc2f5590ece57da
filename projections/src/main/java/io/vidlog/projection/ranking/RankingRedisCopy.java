package io.vidlog.projection.ranking;

import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.support.RedisCopy;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The rankings in Redis: sorted sets of READY videos by bookmarks ({@value #BY_BOOKMARKS}) and by weighted
 * engagement ({@value #POPULAR}). A video is in a set only while it is READY and its score is above zero.
 */
@Component
public class RankingRedisCopy implements RedisCopy {

    public static final String BY_BOOKMARKS = "vidlog:rankings:bookmarks";
    public static final String POPULAR = "vidlog:rankings:popular";
    private static final int CHUNK = 1000;
    private static final String SELECT = """
            select video_id, ready, likes, dislikes, superlikes, bookmarks, views, completions
            from ranking_video""";

    private record Row(String videoId, boolean ready, long bookmarks, double popularity) {
    }

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final PopularityWeights weights;

    RankingRedisCopy(JdbcTemplate jdbc, StringRedisTemplate redis, PopularityWeights weights) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.weights = weights;
    }

    @Override
    public String name() {
        return ProcessingGroups.RANKINGS;
    }

    /** Writes the current rankings of these videos. */
    void write(Collection<String> videoIds) {
        List<Row> rows = jdbc.query(SELECT + " where video_id = any(?)", (rs, n) -> row(rs),
                (Object) videoIds.toArray(String[]::new));
        writeRows(rows);
    }

    @Override
    public void rebuild() {
        clear();
        RedisCopy.inChunks(jdbc, SELECT + " where ready", (rs, n) -> row(rs), CHUNK, this::writeRows);
    }

    @Override
    public void clear() {
        redis.delete(List.of(BY_BOOKMARKS, POPULAR));
    }

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("video_id"), rs.getBoolean("ready"), rs.getLong("bookmarks"),
                weights.score(rs.getLong("likes"), rs.getLong("dislikes"), rs.getLong("superlikes"),
                        rs.getLong("bookmarks"), rs.getLong("views"), rs.getLong("completions")));
    }

    private void writeRows(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        byte[] byBookmarks = bytes(BY_BOOKMARKS);
        byte[] popular = bytes(POPULAR);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Row row : rows) {
                byte[] member = bytes(row.videoId());
                if (row.ready() && row.bookmarks() > 0) {
                    connection.zSetCommands().zAdd(byBookmarks, row.bookmarks(), member);
                } else {
                    connection.zSetCommands().zRem(byBookmarks, member);
                }
                if (row.ready() && row.popularity() > 0) {
                    connection.zSetCommands().zAdd(popular, row.popularity(), member);
                } else {
                    connection.zSetCommands().zRem(popular, member);
                }
            }
            return null;
        });
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
