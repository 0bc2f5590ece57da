package io.vidlog.api.video;

public record VideoPublishedEvent(String videoId, String ownerId, int durationSeconds) implements VideoEvent {
}
