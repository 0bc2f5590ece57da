package io.vidlog.api.video;

public record VideoIdResponse(String videoId) {
}
