package io.vidlog.api.search;

import java.util.List;

public record Suggestions(List<Suggestion> suggestions) {

    public record Suggestion(String videoId, String title) {
    }
}
