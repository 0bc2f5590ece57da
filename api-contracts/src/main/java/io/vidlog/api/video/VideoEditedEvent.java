package io.vidlog.api.video;

import java.util.List;

/** The video's title, description and tags after the edit (all three, so a handler needs no earlier state). */
public record VideoEditedEvent(String videoId, String title, String description, List<String> tags)
        implements VideoEvent {
}
