package io.vidlog.projection.ranking;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Reads of the Redis rankings, for the query side. */
@Component
public class RankingReadModel {

    /** A video's place in a ranking. */
    public record Entry(String videoId, double score) {
    }

    private final StringRedisTemplate redis;

    RankingReadModel(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The {@code limit} most bookmarked READY videos, most first. */
    public List<Entry> mostBookmarked(int limit) {
        return top(RankingRedisCopy.BY_BOOKMARKS, limit);
    }

    /** The {@code limit} most popular READY videos by weighted engagement, most first. */
    public List<Entry> mostPopular(int limit) {
        return top(RankingRedisCopy.POPULAR, limit);
    }

    private List<Entry> top(String key, int limit) {
        Set<ZSetOperations.TypedTuple<String>> top = redis.opsForZSet().reverseRangeWithScores(key, 0, limit - 1L);
        return top == null ? List.of() : top.stream().map(tuple -> new Entry(tuple.getValue(), tuple.getScore()))
                .toList();
    }
}
