package io.vidlog.projection.ranking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much each kind of engagement adds to a video's place in the popular ranking
 * ({@code vidlog.rankings.popularity.*}). Applied when the ranking is written, so a change takes effect for each
 * video at its next engagement, and for all at once after a replay of {@code rankings}.
 */
@ConfigurationProperties("vidlog.rankings.popularity")
public record PopularityWeights(@DefaultValue("2") double like,
                                @DefaultValue("-2") double dislike,
                                @DefaultValue("3") double superlike,
                                @DefaultValue("3") double bookmark,
                                @DefaultValue("1") double view,
                                @DefaultValue("2") double completion) {

    public double score(long likes, long dislikes, long superlikes, long bookmarks, long views, long completions) {
        return like * likes + dislike * dislikes + superlike * superlikes + bookmark * bookmarks + view * views
                + completion * completions;
    }
}
