package io.vidlog.mediaworker.transcode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param workDir             the folder under which each attempt gets a folder of its own
 * @param posterAt            the moment shown as the poster, at most half the duration
 * @param progressStepPercent progress is reported in steps of at least this many percent...
 * @param progressInterval    ...and at least this far apart
 */
public record TranscodeSettings(Path workDir, Duration posterAt, int progressStepPercent, Duration progressInterval) {
}
