package io.vidlog.api.transcode;

/** One rung of the HLS ladder, e.g. {@code 720p}, 1280×720. */
public record Rendition(String name, int width, int height, long bandwidth) {
}
