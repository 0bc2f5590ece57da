package io.vidlog.command.video;

import java.util.List;
import java.util.Locale;

/** Tags are matched case-insensitively everywhere (taste scores, search filters): store them trimmed, lower-case, once. */
final class VideoTags {

    private VideoTags() {
    }

    static List<String> normalize(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream().map(tag -> tag.trim().toLowerCase(Locale.ROOT)).filter(tag -> !tag.isEmpty())
                .distinct().toList();
    }
}
