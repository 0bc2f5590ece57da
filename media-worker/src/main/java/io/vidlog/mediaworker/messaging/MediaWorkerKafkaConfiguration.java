package io.vidlog.mediaworker.messaging;

import io.vidlog.api.transcode.TranscodeTopics;
import io.vidlog.mediaworker.MediaWorkerProperties;
import io.vidlog.mediaworker.transcode.Transcoder;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.Map;

/**
 * The worker's own Kafka clients, built from Spring Boot's {@code spring.kafka.*} settings with the worker's
 * overrides. They are no default candidates: Boot's Kafka beans still back on, and nobody else gets the worker's
 * clients injected by type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "vidlog.media-worker", name = "enabled", matchIfMissing = true)
public class MediaWorkerKafkaConfiguration {

    public static final String CONTAINER_FACTORY = "mediaWorkerListenerContainerFactory";
    private static final double BACK_OFF_MULTIPLIER = 2.0;

    /**
     * One record per poll, committed by hand after its result is sent; a poll may wait as long as a transcode takes.
     * A new group starts at the earliest request, so requests published before the first worker started are not lost.
     */
    @Bean(defaultCandidate = false)
    DefaultKafkaConsumerFactory<String, byte[]> mediaWorkerConsumerFactory(KafkaProperties kafka,
                                                                           ObjectProvider<SslBundles> sslBundles,
                                                                           MediaWorkerProperties properties) {
        Map<String, Object> config = kafka.buildConsumerProperties(sslBundles.getIfAvailable());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) properties.maxPollInterval().toMillis());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Requests published inside a Kafka transaction are seen only once it commits.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new DefaultKafkaConsumerFactory<>(config);
    }

    /** A result counts as sent once every in-sync replica has it, exactly once even when the producer retries. */
    @Bean(defaultCandidate = false)
    DefaultKafkaProducerFactory<String, String> mediaWorkerProducerFactory(KafkaProperties kafka,
                                                                           ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> config = kafka.buildProducerProperties(sslBundles.getIfAvailable());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean(defaultCandidate = false)
    KafkaTemplate<String, String> mediaWorkerKafkaTemplate(
            @Qualifier("mediaWorkerProducerFactory") ProducerFactory<String, String> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /**
     * A request whose result could not be sent is processed again after a pause that grows to a maximum, for as long
     * as it takes: a request is never skipped while Kafka is unreachable. Like Boot's own listeners, it waits for a
     * manual start when {@code spring.kafka.listener.auto-startup} is false.
     */
    @Bean(name = CONTAINER_FACTORY, defaultCandidate = false)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> mediaWorkerListenerContainerFactory(
            @Qualifier("mediaWorkerConsumerFactory") ConsumerFactory<String, byte[]> consumerFactory,
            KafkaProperties kafka, MediaWorkerProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(),
                BACK_OFF_MULTIPLIER);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setConcurrency(properties.concurrency());
        factory.setAutoStartup(kafka.getListener().isAutoStartup());
        factory.getContainerProperties().setAckMode(AckMode.MANUAL_IMMEDIATE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    @Bean
    NewTopic mediaWorkerRequestsTopic(MediaWorkerProperties properties) {
        return topic(TranscodeTopics.REQUESTS, properties);
    }

    @Bean
    NewTopic mediaWorkerResultsTopic(MediaWorkerProperties properties) {
        return topic(TranscodeTopics.RESULTS, properties);
    }

    private static NewTopic topic(String name, MediaWorkerProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .build();
    }

    @Bean
    TranscodeResultSender mediaWorkerResultSender(
            @Qualifier("mediaWorkerKafkaTemplate") KafkaTemplate<String, String> kafkaTemplate,
            MediaWorkerProperties properties) {
        return new TranscodeResultSender(kafkaTemplate, properties.resultSendTimeout());
    }

    @Bean
    TranscodeRequestListener mediaWorkerRequestListener(Transcoder transcoder, TranscodeResultSender sender) {
        return new TranscodeRequestListener(transcoder, sender, Clock.systemUTC());
    }
}
