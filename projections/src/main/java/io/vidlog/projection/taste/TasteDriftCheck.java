package io.vidlog.projection.taste;

import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.engagement.VideoBookmarkRemovedEvent;
import io.vidlog.api.engagement.VideoBookmarkedEvent;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import io.vidlog.api.engagement.ViewerEvent;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoEditedEvent;
import io.vidlog.api.watch.VideoCompletedEvent;
import io.vidlog.api.watch.WatchProgressRecordedEvent;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.drift.DriftCheck;
import io.vidlog.projection.drift.DriftModel;
import io.vidlog.projection.drift.DriftModel.Fact;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recomputes, per viewer and tag, the engagement counts and the score Redis must hold. */
@Component
class TasteDriftCheck implements DriftCheck {

    private static final String[] COUNTS =
            {"likes", "superlikes", "dislikes", "bookmarks", "completions", "watched_seconds"};
    private static final int NONE = -1;
    private static final int LIKES = 0;
    private static final int SUPERLIKES = 1;
    private static final int DISLIKES = 2;
    private static final int BOOKMARKS = 3;
    private static final int COMPLETIONS = 4;
    private static final int WATCHED_SECONDS = 5;

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final TasteWeights weights;

    TasteDriftCheck(JdbcTemplate jdbc, StringRedisTemplate redis, TasteWeights weights) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.weights = weights;
    }

    @Override
    public String group() {
        return ProcessingGroups.TASTE_SCORES;
    }

    @Override
    public List<String> sample(int size) {
        return jdbc.queryForList("select user_id from (select distinct user_id from taste_score) as users "
                + "order by random() limit ?", String.class, size);
    }

    @Override
    public DriftModel newModel(DriftModel.Scope scope) {
        return new Model(scope);
    }

    private final class Model implements DriftModel {

        private final Scope scope;
        private final Map<String, List<String>> tags = new HashMap<>();
        /** user → tag → counts in the order of {@link #COUNTS}. */
        private final Map<String, Map<String, long[]>> counts = new HashMap<>();

        Model(Scope scope) {
            this.scope = scope;
        }

        @Override
        public String entityOf(Object event) {
            return event instanceof ViewerEvent viewer ? viewer.userId() : null;
        }

        @Override
        public void apply(Object event) {
            if (event instanceof VideoCreatedEvent e) {
                tags.put(e.videoId(), e.tags());
            } else if (event instanceof VideoEditedEvent e) {
                tags.put(e.videoId(), e.tags());
            } else if (event instanceof ViewerEvent viewer && scope.includes(viewer.userId())) {
                if (event instanceof VideoReactionChangedEvent e) {
                    add(e.userId(), e.videoId(), reactionCount(e.from()), -1);
                    add(e.userId(), e.videoId(), reactionCount(e.to()), 1);
                } else if (event instanceof VideoBookmarkedEvent e) {
                    add(e.userId(), e.videoId(), BOOKMARKS, 1);
                } else if (event instanceof VideoBookmarkRemovedEvent e) {
                    add(e.userId(), e.videoId(), BOOKMARKS, -1);
                } else if (event instanceof VideoCompletedEvent e) {
                    add(e.userId(), e.videoId(), COMPLETIONS, 1);
                } else if (event instanceof WatchProgressRecordedEvent e && e.watchedSecondsAdded() > 0) {
                    add(e.userId(), e.videoId(), WATCHED_SECONDS, e.watchedSecondsAdded());
                }
            }
        }

        private void add(String user, String video, int count, long amount) {
            if (count == NONE) {
                return;
            }
            for (String tag : tags.getOrDefault(video, List.of())) {
                counts.computeIfAbsent(user, key -> new HashMap<>())
                        .computeIfAbsent(tag, key -> new long[COUNTS.length])[count] += amount;
            }
        }

        private static int reactionCount(Reaction reaction) {
            return switch (reaction) {
                case LIKE -> LIKES;
                case SUPERLIKE -> SUPERLIKES;
                case DISLIKE -> DISLIKES;
                case NONE -> NONE;
            };
        }

        @Override
        public Map<Fact, String> expected() {
            Map<Fact, String> facts = new HashMap<>();
            counts.forEach((user, byTag) -> byTag.forEach((tag, values) -> {
                putCounts(facts, user, tag, values);
                facts.put(scoreFact(user, tag), Double.toString(weights.score(values[LIKES], values[SUPERLIKES],
                        values[DISLIKES], values[BOOKMARKS], values[COMPLETIONS], values[WATCHED_SECONDS])));
            }));
            return facts;
        }

        @Override
        public Map<Fact, String> live() {
            Map<Fact, String> facts = new HashMap<>();
            String filter = scope.isAll() ? "" : " where user_id = any(?)";
            Object[] args = scope.isAll() ? new Object[0] : new Object[]{scope.entities().toArray(String[]::new)};
            Set<String> users = new HashSet<>();
            jdbc.query("select * from taste_score" + filter, rs -> {
                long[] values = new long[COUNTS.length];
                for (int i = 0; i < COUNTS.length; i++) {
                    values[i] = rs.getLong(COUNTS[i]);
                }
                users.add(rs.getString("user_id"));
                putCounts(facts, rs.getString("user_id"), rs.getString("tag"), values);
            }, args);
            for (String user : users) {
                Set<ZSetOperations.TypedTuple<String>> scores =
                        redis.opsForZSet().rangeWithScores(TasteRedisCopy.key(user), 0, -1);
                if (scores != null) {
                    scores.forEach(score -> facts.put(scoreFact(user, score.getValue()),
                            Double.toString(score.getScore())));
                }
            }
            return facts;
        }

        private static void putCounts(Map<Fact, String> facts, String user, String tag, long[] values) {
            for (int i = 0; i < COUNTS.length; i++) {
                facts.put(new Fact(user, tag + " " + COUNTS[i]), Long.toString(values[i]));
            }
        }

        private static Fact scoreFact(String user, String tag) {
            return new Fact(user, tag + " score in Redis");
        }
    }
}
