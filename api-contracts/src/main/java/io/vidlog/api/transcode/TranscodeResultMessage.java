package io.vidlog.api.transcode;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the media worker reports about one attempt on {@link TranscodeTopics#RESULTS}: progress while it runs, then
 * exactly one outcome. Fields that do not apply to the outcome are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranscodeResultMessage(String videoId, String attemptId, Outcome outcome, Integer percent,
                                     Double durationSeconds, String manifestKey, String posterKey,
                                     List<Rendition> renditions, String reason, Boolean retryable) {

    public enum Outcome { PROGRESS, SUCCEEDED, FAILED }

    public static TranscodeResultMessage progress(String videoId, String attemptId, int percent) {
        return new TranscodeResultMessage(videoId, attemptId, Outcome.PROGRESS, percent, null, null, null, null,
                null, null);
    }

    public static TranscodeResultMessage succeeded(String videoId, String attemptId, double durationSeconds,
                                                   String manifestKey, String posterKey, List<Rendition> renditions) {
        return new TranscodeResultMessage(videoId, attemptId, Outcome.SUCCEEDED, 100, durationSeconds, manifestKey,
                posterKey, renditions, null, null);
    }

    public static TranscodeResultMessage failed(String videoId, String attemptId, String reason, boolean retryable) {
        return new TranscodeResultMessage(videoId, attemptId, Outcome.FAILED, null, null, null, null, null, reason,
                retryable);
    }
}
