package io.vidlog.api.upload;

import java.time.Instant;
import java.util.List;

/** Answer of {@code POST /api/v1/videos/{id}/upload}: where to PUT each part, until {@code expiresAt}. */
public record VideoUploadResponse(String uploadId, long partSize, List<Part> parts, Instant expiresAt) {

    public record Part(int partNumber, String url) {
    }
}
