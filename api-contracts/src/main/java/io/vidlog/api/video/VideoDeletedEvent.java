package io.vidlog.api.video;

public record VideoDeletedEvent(String videoId, String ownerId) implements VideoEvent {
}
