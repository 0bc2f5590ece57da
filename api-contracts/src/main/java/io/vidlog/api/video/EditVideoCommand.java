package io.vidlog.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The owner or an admin changes a video's title, description or tags; a {@code null} field stays as it is.
 *
 * @param requestedBy    the user asking
 * @param requestedByAdmin whether that user is an admin (admins may edit any video)
 */
public record EditVideoCommand(@TargetAggregateIdentifier String videoId, String requestedBy, boolean requestedByAdmin,
                               String title, String description, List<String> tags) {
}
