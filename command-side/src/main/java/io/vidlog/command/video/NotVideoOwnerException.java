package io.vidlog.command.video;

/** Only a video's owner, or an admin, may change it. */
public class NotVideoOwnerException extends RuntimeException {

    public NotVideoOwnerException(String videoId) {
        super("Only the owner of video " + videoId + " or an admin may change it");
    }
}
