package io.vidlog.api.video;

/** Size limits of a video's metadata, shared by request validation and the Video aggregate. */
public final class VideoLimits {

    public static final int TITLE = 200;
    public static final int DESCRIPTION = 5000;
    public static final int TAGS = 20;
    public static final int TAG = 50;
    /** Twelve hours: longer uploads are rejected. */
    public static final int DURATION_SECONDS = 12 * 60 * 60;

    private VideoLimits() {
    }
}
