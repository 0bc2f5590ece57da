package io.vidlog.command.upload;

import io.vidlog.api.upload.UploadLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * How creators upload source files ({@code vidlog.upload.*}).
 *
 * @param partSize            size of each presigned part (the last one is smaller); raised automatically when a file
 *                            would need more parts than S3 allows
 * @param urlTtl              how long the presigned part URLs stay valid
 * @param maxSize             larger files are refused with 413
 * @param allowedContentTypes content-type prefixes accepted for source files
 */
@ConfigurationProperties("vidlog.upload")
public record UploadSettings(@DefaultValue("8MB") DataSize partSize,
                             @DefaultValue("1h") Duration urlTtl,
                             @DefaultValue("20GB") DataSize maxSize,
                             @DefaultValue("video/") List<String> allowedContentTypes) {

    public UploadSettings {
        if (partSize.toBytes() < UploadLimits.MIN_PART_SIZE) {
            throw new IllegalArgumentException("vidlog.upload.part-size must be at least 5MB, S3's smallest part");
        }
        if (urlTtl.isNegative() || urlTtl.isZero() || urlTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("vidlog.upload.url-ttl must be positive and at most 7 days");
        }
    }

    /** The part size for a file of {@code sizeBytes}: the configured one, or larger to stay within S3's part count. */
    long partSizeFor(long sizeBytes) {
        long smallestFitting = -Math.floorDiv(-sizeBytes, UploadLimits.MAX_PARTS);
        return Math.max(partSize.toBytes(), smallestFitting);
    }

    boolean allows(String contentType) {
        return allowedContentTypes.stream().anyMatch(contentType.toLowerCase()::startsWith);
    }
}
