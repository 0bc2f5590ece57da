package io.vidlog.api.taste;

import java.util.List;

public record Preferences(List<TagScore> tags) {

    public record TagScore(String tag, double score) {
    }
}
