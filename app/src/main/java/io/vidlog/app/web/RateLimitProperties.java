package io.vidlog.app.web;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vidlog.rate-limit.*}: requests per minute on {@code /api/**}, per application node. Switched off as a whole
 * with {@code vidlog.rate-limit.enabled=false}.
 *
 * @param userPerMinute      per authenticated user (the token's {@code sub})
 * @param anonymousPerMinute per client IP address for callers without a token
 * @param maxTrackedClients  how many users and addresses are tracked at once; the least recently seen go first
 */
@Validated
@ConfigurationProperties("vidlog.rate-limit")
public record RateLimitProperties(
        @DefaultValue("1000") @Positive long userPerMinute,
        @DefaultValue("100") @Positive long anonymousPerMinute,
        @DefaultValue("100000") @Positive long maxTrackedClients) {
}
