package io.vidlog.projection.taste;

import io.vidlog.api.taste.Preferences;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Reads of the taste scores in Redis, for the query side (and the feed). */
@Component
public class TasteReadModel {

    private final StringRedisTemplate redis;

    TasteReadModel(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The user's {@code limit} best-scored tags, highest first; tags whose engagements cancel out are left out. */
    public List<Preferences.TagScore> topTags(String userId, int limit) {
        Set<ZSetOperations.TypedTuple<String>> top =
                redis.opsForZSet().reverseRangeWithScores(TasteRedisCopy.key(userId), 0, -1);
        if (top == null) {
            return List.of();
        }
        return top.stream().filter(tuple -> tuple.getScore() != null && tuple.getScore() != 0)
                .limit(limit)
                .map(tuple -> new Preferences.TagScore(tuple.getValue(), tuple.getScore()))
                .toList();
    }
}
