package io.vidlog.api.upload;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner starts sending a video's source file; S3 has opened the multipart upload {@code uploadId}. */
public record StartVideoUploadCommand(@TargetAggregateIdentifier String videoId, String requestedBy, String uploadId,
                                      String sourceKey, String fileName, String contentType, long sizeBytes) {
}
