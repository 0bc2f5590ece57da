package io.vidlog.mediaworker.transcode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param workDir             the folder under which each attempt gets a folder of its own
 * @param posterAt            the moment shown as the poster, at most half the duration
 * @param progressStepPercent the least growth, in percent, worth a progress report
 * @param progressInterval    the least time between two progress reports
 */
public record TranscodeSettings(Path workDir, Duration posterAt, int progressStepPercent, Duration progressInterval) {
}
