package io.vidlog.bench;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform jar ({@code app/target/vidlog.jar}) as a child process of a benchmark, with its own data folder and
 * free ports for the HTTP server and every local-stack service, so a benchmark never collides with {@code ./vidlog
 * run} or a test run on the same machine. The command line (ports included) is fixed when the launch is prepared,
 * so the same launch can be started again on the same data folder.
 */
public final class VidlogApp {

    private static final List<String> SERVICE_PORTS = List.of("postgres", "kafka", "kafka-controller", "redis",
            "elasticsearch", "elasticsearch-transport", "s3", "s3-tls");
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> command;
    private final int port;
    private final Map<String, Integer> servicePorts;
    private final Path dataDir;

    private VidlogApp(List<String> command, int port, Map<String, Integer> servicePorts, Path dataDir) {
        this.command = List.copyOf(command);
        this.port = port;
        this.servicePorts = Map.copyOf(servicePorts);
        this.dataDir = dataDir;
    }

    /**
     * A launch of the built jar on {@code dataDir}.
     *
     * @param jvmOptions options for the child JVM after the platform's own ({@code app/jvm.options}), before
     *                   {@code -jar}
     * @param appArgs    Spring properties ({@code --name=value}) after the benchmark's own
     */
    public static VidlogApp prepare(Path dataDir, List<String> jvmOptions, List<String> appArgs) throws IOException {
        Path jar = Path.of("app/target/vidlog.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build first: mvn -B -DskipTests install (no " + jar + ")");
        }
        Files.createDirectories(dataDir);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + Path.of("app/jvm.options").toAbsolutePath());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--vidlog.local-stack.data-dir=" + dataDir,
                "--logging.file.name=" + dataDir.resolve("vidlog.log")));
        Map<String, Integer> servicePorts = new HashMap<>();
        for (String name : SERVICE_PORTS) {
            servicePorts.put(name, freePort());
            command.add("--vidlog.local-stack." + name + ".port=" + servicePorts.get(name));
        }
        command.addAll(appArgs);
        return new VidlogApp(command, port, servicePorts, dataDir);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the local stack's PostgreSQL (user {@code postgres}, no password), while it runs. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + servicePorts.get("postgres") + "/vidlog";
    }

    /** The local stack's Elasticsearch, while it runs. */
    public String elasticsearchUrl() {
        return "http://127.0.0.1:" + servicePorts.get("elasticsearch");
    }

    /**
     * The same launch with other application arguments, on the same data folder and ports: the data of one
     * configuration's run stays for the next.
     */
    public VidlogApp withArguments(List<String> extraArgs) {
        List<String> next = new ArrayList<>(command);
        next.addAll(extraArgs);
        return new VidlogApp(next, port, servicePorts, dataDir);
    }

    /** Starts the jar and waits until {@code /actuator/health} is UP; the console goes to {@code <label>-console.log}. */
    public Running start(String label) throws IOException, InterruptedException {
        long startedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(label + "-console.log").toFile()).start();
        try {
            awaitHealthy(baseUrl() + "/actuator/health", process);
        } catch (RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        return new Running(process, (System.nanoTime() - startedAt) / 1e9);
    }

    /** A started application. */
    public static final class Running implements AutoCloseable {

        private final Process process;
        private final double startSeconds;

        private Running(Process process, double startSeconds) {
            this.process = process;
            this.startSeconds = startSeconds;
        }

        public double startSeconds() {
            return startSeconds;
        }

        public long pid() {
            return process.pid();
        }

        /**
         * Waits until the application uses less than {@code share} of one core through a whole {@code window} (its
         * event processors done with a backlog, say), at most {@code limit}; returns the seconds waited.
         */
        public double awaitIdle(double share, Duration window, Duration limit) throws InterruptedException {
            long started = System.nanoTime();
            while (System.nanoTime() - started < limit.toNanos()) {
                Duration before = cpuTime();
                Thread.sleep(window.toMillis());
                if (cpuTime().minus(before).toNanos() < share * window.toNanos()) {
                    break;
                }
            }
            return (System.nanoTime() - started) / 1e9;
        }

        private Duration cpuTime() {
            return process.toHandle().info().totalCpuDuration().orElseThrow(() ->
                    new IllegalStateException("This system does not tell a process's CPU time"));
        }

        /** An orderly stop (SIGTERM, as an orchestrator sends it); returns how long it took in seconds. */
        public double stop() throws InterruptedException {
            long stoppingAt = System.nanoTime();
            process.destroy();
            process.waitFor();
            return (System.nanoTime() - stoppingAt) / 1e9;
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                stop();
            }
        }
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

    /** A port free right now; the child binds it a moment later (a race only another process could win). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
