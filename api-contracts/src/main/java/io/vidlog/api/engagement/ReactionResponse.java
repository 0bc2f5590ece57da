package io.vidlog.api.engagement;

public record ReactionResponse(ReactionType reaction) {
}
