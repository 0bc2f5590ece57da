package io.vidlog.api.video;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** A creator starts a new video (a draft, without media yet); the creator becomes its owner. */
public record CreateVideoCommand(@TargetAggregateIdentifier String videoId, String ownerId, String title,
                                 String description, List<String> tags, VideoType videoType) {
}
