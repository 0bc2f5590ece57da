package io.vidlog.api.transcode;

import java.util.List;

/** A page of transcoding runs and how many match in all. */
public record TranscodeRunList(List<TranscodeRunSummary> items, long total) {
}
