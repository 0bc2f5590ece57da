package io.vidlog.api.search;

import java.util.List;

/** A page of the feed, best first. */
public record Feed(List<Item> items, int page, int size) {

    public record Item(String videoId, String title, List<String> tags, double score) {
    }
}
