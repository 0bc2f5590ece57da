package io.vidlog.projection.ranking;

import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.drift.DriftCheck;
import io.vidlog.projection.drift.DriftModel;
import io.vidlog.projection.drift.DriftModel.Fact;
import io.vidlog.projection.drift.RecountedEngagement;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes, per video, whether it is READY and its counts, and its place in both Redis rankings: the score it must
 * have, or that it must be absent.
 */
@Component
class RankingDriftCheck implements DriftCheck {

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final PopularityWeights weights;

    RankingDriftCheck(JdbcTemplate jdbc, StringRedisTemplate redis, PopularityWeights weights) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.weights = weights;
    }

    @Override
    public String group() {
        return ProcessingGroups.RANKINGS;
    }

    @Override
    public List<String> sample(int size) {
        return jdbc.queryForList("select video_id from ranking_video order by random() limit ?", String.class, size);
    }

    @Override
    public DriftModel newModel(DriftModel.Scope scope) {
        return new Model(scope);
    }

    /** A video's recomputed state. */
    private static final class Video {
        boolean ready;
        final RecountedEngagement counts = new RecountedEngagement();
    }

    private final class Model implements DriftModel {

        private final Scope scope;
        private final Map<String, Video> videos = new HashMap<>();

        Model(Scope scope) {
            this.scope = scope;
        }

        @Override
        public String entityOf(Object event) {
            return event instanceof VideoEvent about ? about.videoId() : null;
        }

        @Override
        public void apply(Object event) {
            String id = entityOf(event);
            if (id == null || !scope.includes(id)) {
                return;
            }
            if (event instanceof VideoCreatedEvent) {
                videos.put(id, new Video());
                return;
            }
            Video video = videos.get(id);
            if (video == null) {
                return;
            }
            if (event instanceof VideoPublishedEvent) {
                video.ready = true;
            } else if (event instanceof VideoDeletedEvent) {
                video.ready = false;
            } else {
                video.counts.apply(event);
            }
        }

        @Override
        public Map<Fact, String> expected() {
            Map<Fact, String> facts = new HashMap<>();
            videos.forEach((id, video) -> {
                RecountedEngagement counts = video.counts;
                put(facts, id, video.ready, counts.likes(), counts.dislikes(), counts.superlikes(), counts.bookmarks(),
                        counts.views(), counts.completions());
                double popularity = weights.score(counts.likes(), counts.dislikes(), counts.superlikes(),
                        counts.bookmarks(), counts.views(), counts.completions());
                if (video.ready && counts.bookmarks() > 0) {
                    facts.put(new Fact(id, "in Redis by bookmarks"), Double.toString(counts.bookmarks()));
                }
                if (video.ready && popularity > 0) {
                    facts.put(new Fact(id, "in Redis by popularity"), Double.toString(popularity));
                }
            });
            return facts;
        }

        @Override
        public Map<Fact, String> live() {
            Map<Fact, String> facts = new HashMap<>();
            jdbc.query("select * from ranking_video", rs -> {
                if (scope.includes(rs.getString("video_id"))) {
                    put(facts, rs.getString("video_id"), rs.getBoolean("ready"), rs.getLong("likes"),
                            rs.getLong("dislikes"), rs.getLong("superlikes"), rs.getLong("bookmarks"),
                            rs.getLong("views"), rs.getLong("completions"));
                }
            });
            redisScores(facts, RankingRedisCopy.BY_BOOKMARKS, "in Redis by bookmarks");
            redisScores(facts, RankingRedisCopy.POPULAR, "in Redis by popularity");
            return facts;
        }

        private void redisScores(Map<Fact, String> facts, String key, String name) {
            Set<ZSetOperations.TypedTuple<String>> members = redis.opsForZSet().rangeWithScores(key, 0, -1);
            if (members != null) {
                members.stream().filter(member -> scope.includes(member.getValue()))
                        .forEach(member -> facts.put(new Fact(member.getValue(), name),
                                Double.toString(member.getScore())));
            }
        }

        private static void put(Map<Fact, String> facts, String id, boolean ready, long likes, long dislikes,
                                long superlikes, long bookmarks, long views, long completions) {
            facts.put(new Fact(id, "ready"), Boolean.toString(ready));
            facts.put(new Fact(id, "likes"), Long.toString(likes));
            facts.put(new Fact(id, "dislikes"), Long.toString(dislikes));
            facts.put(new Fact(id, "superlikes"), Long.toString(superlikes));
            facts.put(new Fact(id, "bookmarks"), Long.toString(bookmarks));
            facts.put(new Fact(id, "views"), Long.toString(views));
            facts.put(new Fact(id, "completions"), Long.toString(completions));
        }
    }
}
