package io.vidlog.api.upload;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner gives up the upload in progress; the video is a draft again. */
public record AbortVideoUploadCommand(@TargetAggregateIdentifier String videoId, String requestedBy) {
}
