package io.vidlog.api.transcode;

import java.time.Instant;
import java.util.List;

/** A video's latest transcoding run with the steps of all its runs, oldest first. */
public record TranscodeRunDetail(TranscodeRunSummary run, List<Step> steps) {

    /**
     * @param step      UPLOADED, RETRANSCODE_REQUESTED, REQUESTED, SUCCEEDED, FAILED, PUBLISHED or GAVE_UP
     * @param progress  for a REQUESTED step, how far that attempt got (percent)
     * @param updatedAt when the step last changed (progress moves it)
     */
    public record Step(String step, Integer attempt, String attemptId, Integer progress, String detail, Instant at,
                       Instant updatedAt) {
    }
}
