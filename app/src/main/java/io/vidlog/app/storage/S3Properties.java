package io.vidlog.app.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where media objects live.
 *
 * @param endpoint  an S3-compatible server (S3Mock locally, MinIO in docker); empty for AWS S3 itself
 * @param region    the bucket's region
 * @param accessKey static credentials; empty to use the AWS default credential chain (roles, environment)
 * @param secretKey static credentials' secret
 * @param bucket    the bucket holding uploads and HLS renditions
 */
@ConfigurationProperties("vidlog.s3")
public record S3Properties(URI endpoint,
                           @DefaultValue("us-east-1") String region,
                           String accessKey,
                           String secretKey,
                           @DefaultValue("vidlog-media") String bucket) {
}
