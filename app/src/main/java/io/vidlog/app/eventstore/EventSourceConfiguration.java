package io.vidlog.app.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the tracking processors read: the event store, paced ({@link PacedEventSource}). The processors of
 * application.yml name it as their {@code source}; processors registered in code without a source (the Kafka
 * publisher's) get it as the default.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventProcessorSettings.class, EventStoreSettings.class})
public class EventSourceConfiguration {

    /** The bean name application.yml gives as {@code axon.eventhandling.processors.*.source}. */
    public static final String PACED_EVENT_STORE = "pacedEventStore";

    @Bean(PACED_EVENT_STORE)
    StreamableMessageSource<TrackedEventMessage<?>> pacedEventStore(EventStore eventStore,
                                                                      EventProcessorSettings settings) {
        return paced(eventStore, settings);
    }

    /** Takes the event store from Axon's configuration: the bean would make the configuration depend on itself. */
    @Bean
    ConfigurerModule pacedDefaultEventSource(EventProcessorSettings settings) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.configureDefaultStreamableMessageSource(axon -> paced(axon.eventStore(), settings)));
    }

    /** A wrapper even without pacing: the event store itself as a second bean would make its type ambiguous. */
    private static StreamableMessageSource<TrackedEventMessage<?>> paced(EventStore eventStore,
                                                                       EventProcessorSettings settings) {
        return new PacedEventSource(eventStore, settings.minBatchInterval());
    }
}
