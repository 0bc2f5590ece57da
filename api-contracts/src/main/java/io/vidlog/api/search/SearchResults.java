package io.vidlog.api.search;

import io.vidlog.api.video.VideoType;

import java.util.List;

/**
 * A page of search hits, best first. {@code total} counts the hits exactly when {@code totalExact}; otherwise there
 * are at least that many (a common word matches too many videos to be worth counting).
 */
public record SearchResults(List<Hit> items, long total, boolean totalExact, int page, int size) {

    public record Hit(String videoId, String title, List<String> tags, VideoType videoType, double score) {
    }
}
