package io.vidlog.api.video;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vidlog.api.engagement.Reaction;

import java.time.Instant;
import java.util.List;

/** The answer of {@link FetchVideoQuery}; {@code me} is left out for anonymous callers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoView(String videoId, String title, String description, List<String> tags, VideoType videoType,
                        VideoStatus status, String ownerId, int durationSeconds, Instant publishedAt, Counts counts,
                        Me me) {

    public record Counts(long likes, long dislikes, long superlikes, long bookmarks, long views, long completions) {
    }

    /** The caller's own engagement with the video. */
    public record Me(Reaction reaction, boolean bookmarked, int positionSeconds) {
    }
}
