package io.vidlog.bench.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private static final List<String> PORT_NAMES = List.of("postgres", "kafka", "kafka-controller", "redis",
            "elasticsearch", "elasticsearch-transport", "s3", "s3-tls");
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path jar = Path.of("app/target/vidlog.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build first: mvn -B -DskipTests package (no " + jar + ")");
        }
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> stops = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dataDir = Files.createDirectories(Path.of(".vidlog", "bench", "startup-" + System.currentTimeMillis()))
                    .toAbsolutePath();
            List<String> command = command(jar, dataDir);
            Measurement first = startAndStop(command, dataDir, "cold");
            Measurement second = startAndStop(command, dataDir, "warm");
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

    private static List<String> command(Path jar, Path dataDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--server.port=" + freePort(),
                "--vidlog.local-stack.data-dir=" + dataDir,
                "--logging.file.name=" + dataDir.resolve("vidlog.log")));
        for (String name : PORT_NAMES) {
            command.add("--vidlog.local-stack." + name + ".port=" + freePort());
        }
        return command;
    }

    private static Measurement startAndStop(List<String> command, Path dataDir, String label) throws Exception {
        String port = command.stream().filter(arg -> arg.startsWith("--server.port=")).findFirst().orElseThrow()
                .substring("--server.port=".length());
        long startedAt = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(label + "-console.log").toFile()).start();
        try {
            awaitHealthy("http://127.0.0.1:" + port + "/actuator/health", app);
        } catch (RuntimeException e) {
            app.destroyForcibly();
            throw e;
        }
        double startSeconds = (System.nanoTime() - startedAt) / 1e9;
        long stoppingAt = System.nanoTime();
        app.destroy();
        app.waitFor();
        return new Measurement(startSeconds, (System.nanoTime() - stoppingAt) / 1e9);
    }

    private static void awaitHealthy(String url, Process app) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The application exited during start-up; see its console log");
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode health = JSON.readTree(response.body());
                if (response.statusCode() == 200 && "UP".equals(health.path("status").asText())) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Not healthy within " + START_LIMIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
