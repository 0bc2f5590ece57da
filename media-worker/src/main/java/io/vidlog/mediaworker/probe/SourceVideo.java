package io.vidlog.mediaworker.probe;

/**
 * What ffprobe found in an uploaded source.
 *
 * @param width           displayed width in pixels (after the rotation a phone recorded)
 * @param height          displayed height in pixels
 * @param durationSeconds playing time
 * @param hasAudio        whether there is a sound track; HLS players expect one in every variant
 */
public record SourceVideo(int width, int height, double durationSeconds, boolean hasAudio) {

    public int shortSide() {
        return Math.min(width, height);
    }
}
