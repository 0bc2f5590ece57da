package io.vidlog.api.transcode;

/** One video's transcoding timeline; answered with an optional {@link TranscodeRunDetail}. */
public record FetchTranscodeRunQuery(String videoId) {
}
