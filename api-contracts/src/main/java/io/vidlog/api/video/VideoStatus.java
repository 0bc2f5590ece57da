package io.vidlog.api.video;

/** Where a video is in its lifecycle: DRAFT → UPLOADING → UPLOADED → TRANSCODING → READY | FAILED, or DELETED. */
public enum VideoStatus {
    DRAFT,
    UPLOADING,
    UPLOADED,
    TRANSCODING,
    READY,
    FAILED,
    DELETED
}
