package io.vidlog.api.video;

/** The video is READY; {@code manifestKey} (the HLS master playlist in S3) is absent for videos without media. */
public record VideoPublishedEvent(String videoId, String ownerId, int durationSeconds, String manifestKey,
                                  String posterKey) implements VideoEvent {
}
