package io.vidlog.mediaworker.probe;

/** The source cannot become a video: no other attempt would do better. */
public class NotAVideoException extends Exception {

    /** The reason reported to the saga; the detail of why goes to the log only. */
    public static final String REASON = "not a video";

    public NotAVideoException(String detail) {
        super(detail);
    }
}
