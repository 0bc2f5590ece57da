package io.vidlog.mediaworker.transcode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vidlog.api.transcode.TranscodeResultMessage.Outcome;

import java.time.Duration;
import java.util.Locale;

/** How long transcodes take, and why they fail. */
public final class TranscodeMetrics {

    static final String DURATION = "vidlog.transcode.duration";
    static final String FAILURES = "vidlog.transcode.failures";

    private final MeterRegistry registry;

    public TranscodeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(Outcome outcome, Duration took) {
        Timer.builder(DURATION)
                .description("Time from taking up a transcode request to its result, download and upload included")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(took);
    }

    void failed(FailureKind kind) {
        Counter.builder(FAILURES)
                .description("Failed transcode attempts by class of reason")
                .tag("reason", kind.tag())
                .register(registry)
                .increment();
    }
}
