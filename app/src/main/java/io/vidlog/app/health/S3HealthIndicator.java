package io.vidlog.app.health;

import io.vidlog.app.storage.S3Properties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/** UP when the media bucket exists and the configured credentials may use it. */
@Component("s3HealthIndicator")
class S3HealthIndicator implements HealthIndicator {

    private final S3Client s3;
    private final S3Properties properties;

    S3HealthIndicator(S3Client s3, S3Properties properties) {
        this.s3 = s3;
        this.properties = properties;
    }

    @Override
    public Health health() {
        try {
            s3.headBucket(request -> request.bucket(properties.bucket()));
            return Health.up().withDetail("bucket", properties.bucket()).build();
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("bucket", properties.bucket()).build();
        }
    }
}
