package io.vidlog.api.ranking;

import java.util.List;

public record BookmarkRanking(List<Item> items) {

    public record Item(String videoId, String title, long bookmarks) {
    }
}
