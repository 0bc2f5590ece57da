package io.vidlog.saga.transcoding;

import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka between the saga and the media worker. Requests: Axon's Kafka publisher, a tracking processor over the event
 * store (the event store is the outbox: a request stored while Kafka is down is sent once it is back), publishes only
 * {@link TranscodeRequestedEvent}s, keyed by video id. Results: a listener container that commits an offset only after
 * its command went through, retrying with backoff while the command side is unavailable.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TranscodingSettings.class)
class TranscodeKafkaConfiguration {

    static final String RESULTS_CONTAINER_FACTORY = "transcodeResultsContainerFactory";
    private static final int PUBLISHER_BATCH_SIZE = 100;

    @Bean
    TopicResolver transcodeTopicResolver() {
        return event -> TranscodeRequestedEvent.class.equals(event.getPayloadType())
                ? Optional.of(TranscodeTopics.REQUESTS) : Optional.empty();
    }

    /**
     * The publisher's processor. A request Kafka did not take must not be skipped: it rethrows, goes into error mode
     * and tries the same events again with backoff (Axon's default handler would log the failure and move on). It
     * reads every stored event to find the few requests, so it takes them in batches, one token update per batch;
     * one at a time (Axon's default, which the Kafka extension's registration gets) it needed minutes of CPU to get
     * through a backlog of 400,000 events. A batch retried after a failure may send a request again, which the worker
     * and the saga take as the duplicate it is.
     */
    @Bean
    ConfigurerModule kafkaPublisherProcessor(@Value("${axon.kafka.publisher.processing-group}") String publisherGroup) {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(publisherGroup, axon -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(publisherGroup, axon -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(PUBLISHER_BATCH_SIZE));
    }

    @Bean(RESULTS_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> transcodeResultsContainerFactory(
            KafkaProperties kafka) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(500).toMillis(), 2);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
