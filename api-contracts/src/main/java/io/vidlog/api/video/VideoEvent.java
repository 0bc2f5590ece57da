package io.vidlog.api.video;

/** An event about one video. */
public interface VideoEvent {

    String videoId();
}
