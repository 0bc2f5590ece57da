package io.vidlog.localstack;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/** Ties the local stack's lifetime to the application context that started it. */
@AutoConfiguration
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = LocalStackEnvironmentPostProcessor.ACTIVE_PROPERTY, havingValue = "true")
public class LocalStackAutoConfiguration {

    @Bean
    LocalStackLifecycle localStackLifecycle(ConfigurableEnvironment environment) {
        return new LocalStackLifecycle(LocalStackEnvironmentPostProcessor.leaseOf(environment));
    }
}
