package io.vidlog.command.video;

import io.vidlog.api.video.VideoStatus;

/** The video is not in a state that allows the command (answered 409). */
public class VideoStateException extends RuntimeException {

    public VideoStateException(String videoId, VideoStatus status, String allowed) {
        super("Video " + videoId + " is " + status + ": " + allowed);
    }
}
