package io.vidlog.api.upload;

/** Limits S3 puts on multipart uploads. */
public final class UploadLimits {

    /** S3 accepts at most this many parts in one multipart upload. */
    public static final int MAX_PARTS = 10_000;
    /** Every part but the last must be at least this large. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private UploadLimits() {
    }
}
