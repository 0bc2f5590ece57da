package io.vidlog.api.video;

import java.util.List;

public record VideoCreatedEvent(String videoId, String ownerId, String title, String description, List<String> tags,
                                VideoType videoType) implements VideoEvent {
}
