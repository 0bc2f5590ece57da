package io.vidlog.bench.startup;

import io.vidlog.bench.VidlogApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up time of the platform jar on the embedded stack: from {@code java -jar} to {@code /actuator/health}
 * UP with every component, on a fresh data folder (cold: initdb, Kafka format, first Elasticsearch boot) and
 * again on the same folder (warm), plus the time an orderly stop (SIGTERM) takes. Prints each run and the
 * warm/cold ratio.
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -q -pl bench exec:java -Dexec.mainClass=io.vidlog.bench.startup.StartupBenchmark -Dexec.args=3
 * </pre>
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> stops = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dataDir = Files.createDirectories(Path.of(".vidlog", "bench", "startup-" + System.currentTimeMillis()))
                    .toAbsolutePath();
            VidlogApp app = VidlogApp.prepare(dataDir, List.of(), List.of());
            Measurement first = startAndStop(app, "cold");
            Measurement second = startAndStop(app, "warm");
            cold.add(first.startSeconds());
            warm.add(second.startSeconds());
            stops.add(first.stopSeconds());
            stops.add(second.stopSeconds());
            System.out.printf(Locale.ROOT, "run %d: cold start %.1f s, warm start %.1f s, stops %.1f s / %.1f s%n",
                    run, first.startSeconds(), second.startSeconds(), first.stopSeconds(), second.stopSeconds());
        }
        System.out.printf(Locale.ROOT, "cold start median %.1f s | warm start median %.1f s | warm/cold %.2f | stop median %.1f s%n",
                median(cold), median(warm), median(warm) / median(cold), median(stops));
    }

    private record Measurement(double startSeconds, double stopSeconds) {
    }

    private static Measurement startAndStop(VidlogApp app, String label) throws Exception {
        VidlogApp.Running running = app.start(label);
        return new Measurement(running.startSeconds(), running.stop());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
