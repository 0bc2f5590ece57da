package io.vidlog.app.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidlog.app.ApiClient;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Test access to the read models: waiting for the projections, and exact dumps of what they hold. */
final class ReadModels {

    /** Each read model table with an order that makes its dump deterministic. */
    static final Map<String, String> TABLES = Map.of(
            "video_metadata", "video_id",
            "video_reaction", "user_id, video_id",
            "video_bookmark", "user_id, video_id",
            "watch_history", "user_id, video_id",
            "ranking_video", "video_id",
            "taste_video_tags", "video_id",
            "taste_score", "user_id, tag",
            "search_video", "video_id");

    private final ApiClient api;
    private final String adminToken;
    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;

    ReadModels(ApiClient api, String adminToken, JdbcTemplate jdbc, StringRedisTemplate redis) {
        this.api = api;
        this.adminToken = adminToken;
        this.jdbc = jdbc;
        this.redis = redis;
    }

    /** Waits until every processing group runs live and has applied the newest event. */
    void awaitCaughtUp() {
        await("projections caught up", Duration.ofSeconds(90), () -> {
            ApiClient.Response status = api.send("GET", "/api/v1/admin/projections", adminToken, null);
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            for (JsonNode group : status.json()) {
                if (!group.path("state").asText().equals("running") || group.path("replaying").asBoolean()
                        || group.path("lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every row of every read model table, as text. */
    Map<String, List<String>> postgres() {
        Map<String, List<String>> dump = new TreeMap<>();
        TABLES.forEach((table, order) -> dump.put(table, jdbc.queryForList("select * from " + table + " order by "
                + order).stream().map(row -> row.toString()).toList()));
        return dump;
    }

    /** Every sorted set the Redis read models hold, member → score. */
    Map<String, Map<String, Double>> redis() {
        Map<String, Map<String, Double>> dump = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match("vidlog:*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        for (String key : keys) {
            if (key.startsWith("vidlog:rankings:") || key.startsWith("vidlog:taste:")) {
                Map<String, Double> members = new TreeMap<>();
                for (ZSetOperations.TypedTuple<String> tuple : redis.opsForZSet().rangeWithScores(key, 0, -1)) {
                    members.put(tuple.getValue(), tuple.getScore());
                }
                dump.put(key, members);
            }
        }
        return dump;
    }

    static void await(String what, Duration limit, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not " + what + " within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
