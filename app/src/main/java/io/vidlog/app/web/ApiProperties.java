package io.vidlog.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code vidlog.api.*}: limits of the REST API.
 *
 * @param maxBodySize the largest request body {@code /api/**} accepts; larger ones are answered 413
 */
@ConfigurationProperties("vidlog.api")
public record ApiProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
