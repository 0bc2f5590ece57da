package io.vidlog.projection.commitlog;

import io.vidlog.projection.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every projection's processing group records its committed batches in the {@link BatchCommitLog}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommitLogSettings.class)
class CommitLogConfiguration {

    @Bean
    ConfigurerModule projectionBatchCommitLog(BatchCommitLog log) {
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.ALL.forEach(
                group -> processing.registerHandlerInterceptor(group, axon -> new BatchCommitRecorder(group, log))));
    }
}
