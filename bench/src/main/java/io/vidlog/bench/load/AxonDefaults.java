package io.vidlog.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Application arguments that give every tracking processor application.yml tunes Axon's own settings back (batches of
 * one event, one segment, one thread, no pacing between batches), and the rest of what Axon's Spring Boot starter does
 * on its own: its per-message Micrometer monitors (on with axon-micrometer on the classpath), its JPA storage engine
 * (with JPA on the classpath) and its watchdogs (around each unit of work: warning after 10 s, interrupt after 60 s;
 * around each handler call: 10 s and 30 s); application.yml turns the monitors and watchdogs off and takes the JDBC
 * engine.
 */
final class AxonDefaults {

    /** The tracking processors of application.yml. */
    private static final List<String> PROCESSORS = List.of("video-metadata", "rankings", "taste-scores", "search",
            "transcode-steps", "transcoding-saga");

    static final List<String> ARGUMENTS = arguments();

    private AxonDefaults() {
    }

    private static List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--vidlog.event-processors.min-batch-interval=0",
                "--axon.metrics.auto-configuration.enabled=true", "--vidlog.event-store.engine=jpa",
                "--axon.timeout.enabled=true"));
        for (String processor : PROCESSORS) {
            String prefix = "--axon.eventhandling.processors." + processor + ".";
            arguments.addAll(List.of(prefix + "mode=tracking", prefix + "batch-size=1",
                    prefix + "initial-segment-count=1", prefix + "thread-count=1"));
        }
        return List.copyOf(arguments);
    }
}
