package io.vidlog.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Application arguments that give every tracking processor application.yml tunes Axon's own settings back: batches of
 * one event, one segment, one thread, and no pacing between batches.
 */
final class AxonProcessorDefaults {

    /** The tracking processors of application.yml. */
    private static final List<String> PROCESSORS = List.of("video-metadata", "rankings", "taste-scores", "search",
            "transcode-steps", "transcoding-saga");

    static final List<String> ARGUMENTS = arguments();

    private AxonProcessorDefaults() {
    }

    private static List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--vidlog.event-processors.min-batch-interval=0"));
        for (String processor : PROCESSORS) {
            String prefix = "--axon.eventhandling.processors." + processor + ".";
            arguments.addAll(List.of(prefix + "mode=tracking", prefix + "batch-size=1",
                    prefix + "initial-segment-count=1", prefix + "thread-count=1"));
        }
        return List.copyOf(arguments);
    }
}
