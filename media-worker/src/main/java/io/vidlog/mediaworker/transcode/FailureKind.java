package io.vidlog.mediaworker.transcode;

/** Why an attempt failed, in classes a dashboard can count and the saga can act on. */
public enum FailureKind {

    /** The source is no video; another attempt would fail the same way. */
    NOT_A_VIDEO("not-a-video", false),
    /** FFmpeg gave up; it may have run out of memory or disk, so another attempt may succeed. */
    FFMPEG("ffmpeg", true),
    /** The saga stopped waiting for the attempt. */
    DEADLINE("deadline", true),
    /** The media bucket could not be read or written. */
    STORAGE("storage", true),
    /** This worker's machine failed the attempt: its disk, or ffprobe itself. */
    WORKER("worker", true);

    private final String tag;
    private final boolean retryable;

    FailureKind(String tag, boolean retryable) {
        this.tag = tag;
        this.retryable = retryable;
    }

    /** The value of the {@code reason} tag on the failure counter. */
    public String tag() {
        return tag;
    }

    public boolean retryable() {
        return retryable;
    }
}
