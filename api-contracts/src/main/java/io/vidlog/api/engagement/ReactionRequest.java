package io.vidlog.api.engagement;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/v1/videos/{id}/reaction}. */
public record ReactionRequest(@NotNull ReactionType type) {
}
