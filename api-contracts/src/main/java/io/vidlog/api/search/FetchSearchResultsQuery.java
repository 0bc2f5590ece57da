package io.vidlog.api.search;

import io.vidlog.api.query.PageRequest;
import io.vidlog.api.video.VideoType;

import java.util.List;

/**
 * Full-text search over READY videos: {@code type} (optional) and every one of {@code tags} filter the results.
 */
public record FetchSearchResultsQuery(String text, VideoType type, List<String> tags, PageRequest page) {

    /** The longest query text accepted. */
    public static final int MAX_TEXT = 200;
}
