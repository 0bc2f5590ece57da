package io.vidlog.api.upload;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** S3 holds the whole source file of upload {@code uploadId}, {@code sizeBytes} long (verified with HeadObject). */
public record CompleteVideoUploadCommand(@TargetAggregateIdentifier String videoId, String requestedBy,
                                         String uploadId, long sizeBytes) {
}
