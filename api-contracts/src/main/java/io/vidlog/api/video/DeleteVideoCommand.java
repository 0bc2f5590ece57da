package io.vidlog.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner or an admin deletes a video; it disappears from every read model. */
public record DeleteVideoCommand(@TargetAggregateIdentifier String videoId, String requestedBy,
                                 boolean requestedByAdmin) {
}
