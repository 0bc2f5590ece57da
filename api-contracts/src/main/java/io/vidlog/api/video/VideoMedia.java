package io.vidlog.api.video;

/** A video's status and the S3 keys of its HLS master playlist and poster ({@code null} until published with media). */
public record VideoMedia(String videoId, VideoStatus status, String manifestKey, String posterKey) {
}
