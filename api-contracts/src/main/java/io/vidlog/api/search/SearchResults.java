package io.vidlog.api.search;

import io.vidlog.api.video.VideoType;

import java.util.List;

/** A page of search hits, best first; {@code total} counts every hit. */
public record SearchResults(List<Hit> items, long total, int page, int size) {

    public record Hit(String videoId, String title, List<String> tags, VideoType videoType, double score) {
    }
}
