package io.vidlog.mediaworker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vidlog.mediaworker.messaging.MediaWorkerKafkaConfiguration;
import io.vidlog.mediaworker.messaging.TranscodeRequestListener;
import io.vidlog.mediaworker.transcode.Transcoder;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.MessageListenerContainer;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

/** The worker's beans next to Spring Boot's Kafka beans, without a broker (nothing is started). */
class MediaWorkerConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withUserConfiguration(MediaWorkerConfiguration.class, MediaWorkerKafkaConfiguration.class)
            .withBean(S3Client.class, () -> mock(S3Client.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("spring.kafka.listener.auto-startup=false", "spring.kafka.admin.auto-create=false");

    @Test
    void theWorkersKafkaClientsLeaveSpringBootsOwnInPlace() {
        context.run(app -> {
            assertThat(app).hasBean("mediaWorkerConsumerFactory").hasBean("mediaWorkerProducerFactory")
                    .hasBean("mediaWorkerKafkaTemplate").hasBean("mediaWorkerListenerContainerFactory")
                    .hasBean("kafkaConsumerFactory").hasBean("kafkaProducerFactory").hasBean("kafkaTemplate")
                    .hasBean("kafkaListenerContainerFactory");
            assertThat(app.getBean(KafkaTemplate.class)).isSameAs(app.getBean("kafkaTemplate"));
            assertThat(app.getBean(ConsumerFactory.class)).isSameAs(app.getBean("kafkaConsumerFactory"));
            assertThat(app.getBean(ProducerFactory.class)).isSameAs(app.getBean("kafkaProducerFactory"));
        });
    }

    @Test
    void requestsAreReadOneAtATimeAndCommittedByHand() {
        context.run(app -> {
            ConsumerFactory<?, ?> consumers = app.getBean("mediaWorkerConsumerFactory", ConsumerFactory.class);
            assertThat(consumers.getConfigurationProperties())
                    .containsEntry("group.id", "vidlog-media-worker")
                    .containsEntry("enable.auto.commit", false)
                    .containsEntry("max.poll.records", 1)
                    .containsEntry("max.poll.interval.ms", (int) Duration.ofHours(2).toMillis())
                    .containsEntry("auto.offset.reset", "earliest");
            ProducerFactory<?, ?> producers = app.getBean("mediaWorkerProducerFactory", ProducerFactory.class);
            assertThat(producers.getConfigurationProperties())
                    .containsEntry("acks", "all")
                    .containsEntry("enable.idempotence", true);
            MessageListenerContainer container = app.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("media-worker-requests");
            assertThat(container.getContainerProperties().getAckMode()).isEqualTo(AckMode.MANUAL_IMMEDIATE);
            assertThat(container.getContainerProperties().getTopics()).containsExactly("vidlog.transcode.requests");
            assertThat(container.isRunning()).isFalse();
        });
    }

    @Test
    void bothTopicsAreDeclared() {
        context.withPropertyValues("vidlog.media-worker.topic-partitions=6").run(app ->
                assertThat(app.getBeansOfType(NewTopic.class).values())
                        .extracting(NewTopic::name, NewTopic::numPartitions, NewTopic::replicationFactor)
                        .containsExactlyInAnyOrder(
                                tuple("vidlog.transcode.requests", 6, (short) 1),
                                tuple("vidlog.transcode.results", 6, (short) 1)));
    }

    @Test
    void thePropertiesHaveTheirDefaults() {
        context.run(app -> assertThat(app.getBean(MediaWorkerProperties.class)).isEqualTo(new MediaWorkerProperties(
                true, "vidlog-media-worker", Path.of(".vidlog/media-worker"), 1, Duration.ofHours(2), 5,
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofMinutes(1), 3, (short) 1)));
    }

    @Test
    void aNodeWithoutMediaWorkerHasNoneOfItsBeans() {
        context.withPropertyValues("vidlog.media-worker.enabled=false").run(app -> assertThat(app)
                .doesNotHaveBean(Transcoder.class)
                .doesNotHaveBean(TranscodeRequestListener.class)
                .doesNotHaveBean("mediaWorkerConsumerFactory")
                .doesNotHaveBean(NewTopic.class)
                .hasBean("kafkaTemplate"));
    }
}
