package io.vidlog.projection.taste;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What each engagement adds to a viewer's score for every tag of the video ({@code vidlog.taste.weights.*}). The
 * read model counts the engagements per user and tag; the score is computed from the counts with these weights when
 * it is written to Redis, so a changed weight applies to a user's tags at their next engagement, to everyone after
 * a replay of {@code taste-scores}.
 */
@ConfigurationProperties("vidlog.taste.weights")
public record TasteWeights(@DefaultValue("0.1") double watchMinute,
                           @DefaultValue("3") double completion,
                           @DefaultValue("5") double like,
                           @DefaultValue("8") double superlike,
                           @DefaultValue("-5") double dislike,
                           @DefaultValue("2") double bookmark) {

    double score(long likes, long superlikes, long dislikes, long bookmarks, long completions, long watchedSeconds) {
        return like * likes + superlike * superlikes + dislike * dislikes + bookmark * bookmarks
                + completion * completions + watchMinute * watchedSeconds / 60.0;
    }
}
