package io.vidlog.app.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every streaming event processor's lag behind the event store and whether it is replaying, as gauges read when the
 * metrics are scraped ({@code vidlog_event_processor_lag_events{processor="…"}}). They stand in for Axon's own
 * per-message monitors, which application.yml switches off: those look up and update several meters for every event
 * in every processor, ignored events included, and cost about a tenth of the application's CPU under load
 * (docs/benchmarks.md).
 */
@Component
class EventProcessorMetrics {

    private final EventProcessingConfiguration processing;
    private final ProjectionOperations operations;
    private final MeterRegistry meters;

    EventProcessorMetrics(EventProcessingConfiguration processing, ProjectionOperations operations,
                          MeterRegistry meters) {
        this.processing = processing;
        this.operations = operations;
        this.meters = meters;
    }

    /** After start-up: Axon builds its processors when its configuration starts. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("vidlog.event-processor.lag", streaming, operations::lag)
                        .description("Events in the event store the processor has not reached yet")
                        .baseUnit("events").tag("processor", name).register(meters);
                Gauge.builder("vidlog.event-processor.replaying", streaming, p -> p.isReplaying() ? 1 : 0)
                        .description("1 while the processor replays the event store, else 0")
                        .tag("processor", name).register(meters);
            }
        });
    }
}
