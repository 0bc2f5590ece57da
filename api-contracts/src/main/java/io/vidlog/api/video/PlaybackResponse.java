package io.vidlog.api.video;

import java.time.Instant;

/** Answer of {@code GET /api/v1/videos/{id}/play}: a signed HLS master playlist URL, valid until {@code expiresAt}. */
public record PlaybackResponse(String manifestUrl, Instant expiresAt) {
}
