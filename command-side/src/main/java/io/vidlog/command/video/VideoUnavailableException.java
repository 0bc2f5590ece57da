package io.vidlog.command.video;

/** A command addressed a video that does not exist, was deleted, or is not READY for viewers yet. */
public class VideoUnavailableException extends RuntimeException {

    public enum Reason {
        NOT_FOUND, DELETED, NOT_READY
    }

    private final String videoId;
    private final Reason reason;

    public VideoUnavailableException(String videoId, Reason reason) {
        super(switch (reason) {
            case NOT_FOUND -> "Video " + videoId + " does not exist";
            case DELETED -> "Video " + videoId + " was deleted";
            case NOT_READY -> "Video " + videoId + " is not published yet";
        });
        this.videoId = videoId;
        this.reason = reason;
    }

    public String videoId() {
        return videoId;
    }

    public Reason reason() {
        return reason;
    }
}
