package io.vidlog.projection;

import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** How the projections' processing groups run; application.yml refers to some of these beans by name. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ProjectionConfiguration {

    /** Every event of the group in one sequence, in the order of the event store. */
    @Bean
    SequencingPolicy<Object> sequentialPolicy() {
        return new SequentialPolicy();
    }
}
