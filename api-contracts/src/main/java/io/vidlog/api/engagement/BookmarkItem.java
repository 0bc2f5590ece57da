package io.vidlog.api.engagement;

import java.time.Instant;

public record BookmarkItem(String videoId, String title, Instant bookmarkedAt) {
}
