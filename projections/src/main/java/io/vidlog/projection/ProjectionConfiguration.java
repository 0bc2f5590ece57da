package io.vidlog.projection;

import io.vidlog.projection.support.BatchPacing;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** How the projections' processing groups run; application.yml refers to some of these beans by name. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ProjectionSettings.class)
public class ProjectionConfiguration {

    /** Every event of the group in one sequence, in the order of the event store. */
    @Bean
    SequencingPolicy<Object> sequentialPolicy() {
        return new SequentialPolicy();
    }

    @Bean
    ConfigurerModule projectionBatchPacing(ProjectionSettings settings) {
        return configurer -> {
            if (!settings.minBatchInterval().isZero()) {
                BatchPacing pacing = new BatchPacing(settings.minBatchInterval());
                configurer.eventProcessing(processing -> ProcessingGroups.ALL.forEach(
                        group -> processing.registerHandlerInterceptor(group, axon -> pacing)));
            }
        };
    }
}
