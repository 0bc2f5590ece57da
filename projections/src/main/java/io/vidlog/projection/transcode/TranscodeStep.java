package io.vidlog.projection.transcode;

/** A step in a transcoding run's timeline. */
public enum TranscodeStep {
    UPLOADED, RETRANSCODE_REQUESTED, REQUESTED, SUCCEEDED, FAILED, PUBLISHED, GAVE_UP
}
