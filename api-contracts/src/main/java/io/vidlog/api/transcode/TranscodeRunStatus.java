package io.vidlog.api.transcode;

/** Where a transcoding run is: attempts in progress or waiting to retry, published, or given up. */
public enum TranscodeRunStatus {
    RUNNING, COMPLETED, FAILED
}
