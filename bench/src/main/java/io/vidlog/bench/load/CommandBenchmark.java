package io.vidlog.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.bench.MachineSpeed;
import io.vidlog.bench.VidlogApp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Command throughput over REST: concurrent clients act as thousands of viewers on thousands of READY videos with the
 * mix of the platform's peak (60 % watch progress, 25 % reactions, 15 % bookmarks), against the tuned configuration
 * and against Axon's and Spring's defaults, each on a fresh application with its own local stack (PostgreSQL durable:
 * fsync and synchronous commit on), in one run. Prints commands/s, latency percentiles, non-2xx responses by status, where the
 * CPU went, and the ratio of each configuration to the defaults.
 * <p>
 * Each viewer belongs to one client, so its reports are sent in order: every (user, video) pair sees increasing
 * sequences, and positions increase within a viewing. A viewer watches one video at a time in 10 s steps and moves
 * on to another at its end; reactions and bookmarks mostly go to videos the viewer watched recently.
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -q -pl bench exec:java -Dexec.mainClass=io.vidlog.bench.load.CommandBenchmark \
 *     -Dexec.args="clients=32 users=5000 videos=2000 warmup=120 duration=60"
 * </pre>
 * Arguments (all optional, {@code name=value}): {@code clients}, {@code users}, {@code videos}, {@code warmup} (the
 * least seconds of load before measuring), {@code max-warmup} and {@code settled-compile-queue} (after the least,
 * the warm-up goes on until the throughput stops growing and the JIT compile queue is no longer than this, or
 * max-warmup seconds have passed), {@code warmup-clients} (how many of the clients send during that warm-up; default
 * an eighth), {@code full-load} (seconds of load by all clients between the warm-up and the measurement, default 30),
 * {@code duration} (measured seconds), {@code client} ({@code raw}: a minimal HTTP/1.1 client; {@code jdk}: the JDK's
 * HttpClient), {@code configs} (comma-separated, run in this order; built in: {@code tuned}, {@code default}),
 * {@code config.NAME} (a further configuration: application arguments on top of the tuned ones, separated by
 * {@code ;}), {@code jvm} (options for the application's JVM, separated by {@code ;}), {@code profile} ({@code true}: a JFR
 * recording of the measured window with JFR's profile settings, or the path of a {@code .jfc} settings file; written
 * to {@code <configuration>.jfr} in the run's folder), {@code keep} ({@code true} keeps the data).
 */
public final class CommandBenchmark {

    /**
     * Turns every performance setting of application.yml back to what Axon and Spring Boot do without them: no
     * aggregate caches, no snapshots, no cached video lookups, no cached token verifications, Axon's watchdogs (per
     * unit of work, and per handler with a 30 s timeout and a warning after 10 s), Hikari's 10 connections, Tomcat's
     * 200 threads, no JDBC batching, a long-task timer per request, and Axon's tracking processors (batches of one
     * event, no pacing).
     */
    static final List<String> DEFAULTS = Stream.concat(Stream.of(
            "--vidlog.commands.aggregate-cache.enabled=false",
            "--vidlog.watch.snapshot-threshold=0",
            "--vidlog.commands.video-lookup-cache.enabled=false",
            "--vidlog.jwt.verified-cache.enabled=false",
            "--axon.timeout.handler.events.timeout-ms=30000",
            "--axon.timeout.handler.events.warning-threshold-ms=10000",
            "--axon.timeout.handler.commands.timeout-ms=30000",
            "--axon.timeout.handler.commands.warning-threshold-ms=10000",
            "--spring.datasource.hikari.maximum-pool-size=10",
            "--server.tomcat.threads.max=200",
            "--management.observations.long-task-timer.enabled=true",
            "--spring.jpa.properties.hibernate.jdbc.batch_size=1",
            "--spring.jpa.properties.hibernate.order_inserts=false"), AxonDefaults.ARGUMENTS.stream())
            .toList();

    /** Every run: the benchmark measures the command path, not the rate limiter. */
    private static final List<String> COMMON = List.of("--vidlog.rate-limit.enabled=false");
    /** The key profile {@code local} verifies tokens with (application-local.yml). */
    private static final String LOCAL_JWT_SECRET = "vidlog-local-development-only-hs256-key-never-use-in-production";
    private static final int REPORT_INTERVAL_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandBenchmark() {
    }

    record Options(int clients, int users, int videos, int warmupSeconds, int maxWarmupSeconds,
                   int settledCompileQueue, int warmupClients, int fullLoadSeconds, int durationSeconds, String client,
                   List<String> configs, Map<String, List<String>> configArgs, List<String> jvmOptions,
                   boolean keep, String profile) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                int equals = arg.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("Arguments are name=value, not " + arg);
                }
                values.put(arg.substring(0, equals), arg.substring(equals + 1));
            }
            Map<String, List<String>> configArgs = new LinkedHashMap<>();
            configArgs.put("tuned", List.of());
            configArgs.put("default", DEFAULTS);
            values.forEach((name, value) -> {
                if (name.startsWith("config.")) {
                    configArgs.put(name.substring("config.".length()), split(value, ";"));
                }
            });
            List<String> configs = split(values.getOrDefault("configs", "tuned,default"), ",");
            for (String config : configs) {
                if (!configArgs.containsKey(config)) {
                    throw new IllegalArgumentException("Unknown configuration " + config + "; define config." + config);
                }
            }
            String client = values.getOrDefault("client", "raw");
            if (!client.equals("raw") && !client.equals("jdk")) {
                throw new IllegalArgumentException("client is raw or jdk");
            }
            int clients = Integer.parseInt(values.getOrDefault("clients", "32"));
            return new Options(clients,
                    Integer.parseInt(values.getOrDefault("users", "5000")),
                    Integer.parseInt(values.getOrDefault("videos", "2000")),
                    Integer.parseInt(values.getOrDefault("warmup", "120")),
                    Integer.parseInt(values.getOrDefault("max-warmup", "600")),
                    Integer.parseInt(values.getOrDefault("settled-compile-queue", "10")),
                    Integer.parseInt(values.getOrDefault("warmup-clients", Integer.toString(Math.max(1, clients / 8)))),
                    Integer.parseInt(values.getOrDefault("full-load", "30")),
                    Integer.parseInt(values.getOrDefault("duration", "60")),
                    client, configs, configArgs, split(values.getOrDefault("jvm", ""), ";"),
                    Boolean.parseBoolean(values.getOrDefault("keep", "false")),
                    values.get("profile"));
        }

        private static List<String> split(String list, String separator) {
            return Arrays.stream(list.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path runDir = Path.of(".vidlog", "bench", "commands-" + System.currentTimeMillis()).toAbsolutePath();
        System.out.printf(Locale.ROOT, "Command benchmark: %d clients (%s HTTP client), %d users, %d videos, "
                        + "warm-up at least %d s, measured %d s; %d cores, load average before start %s; data in %s%n",
                options.clients(), options.client(), options.users(), options.videos(), options.warmupSeconds(),
                options.durationSeconds(), Runtime.getRuntime().availableProcessors(), loadAverage(), runDir);
        System.out.println(MachineSpeed.describe("at the start"));
        Map<String, Result> results = new LinkedHashMap<>();
        for (String config : options.configs()) {
            Result result = runConfiguration(options, config, runDir.resolve(config));
            results.put(config, result);
            System.out.println(result.describe(config));
        }
        System.out.println();
        System.out.println("| configuration | commands/s | p50 ms | p99 ms | max ms | non-2xx | app JVM cores | postgres cores "
                + "| load generator cores | other processes cores | machine busy cores |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        results.forEach((config, result) -> System.out.println(result.tableRow(config)));
        Result defaults = results.get("default");
        if (defaults != null) {
            results.forEach((config, result) -> {
                if (!config.equals("default")) {
                    System.out.printf(Locale.ROOT, "ratio %s/default: %.2f%n", config,
                            result.commandsPerSecond() / defaults.commandsPerSecond());
                }
            });
        }
        System.out.println(MachineSpeed.describe("at the end"));
    }

    private static Result runConfiguration(Options options, String config, Path dataDir) throws Exception {
        List<String> appArgs = new ArrayList<>(COMMON);
        appArgs.addAll(options.configArgs().get(config));
        VidlogApp app = VidlogApp.prepare(dataDir, options.jvmOptions(), appArgs);
        try (VidlogApp.Running running = app.start(config)) {
            System.out.printf(Locale.ROOT, "[%s] started in %.1f s (pid %d), app arguments %s%n", config,
                    running.startSeconds(), running.pid(), options.configArgs().get(config));
            return drive(options, config, app, running.pid(), new CpuMeter(running.pid(), postmasterPid(dataDir)),
                    dataDir.resolve(config + ".jfr"));
        } finally {
            if (!options.keep()) {
                deleteServiceData(dataDir);
            }
        }
    }

    /**
     * The local stack's PostgreSQL server (durable: fsync and synchronous commit on), whose backends are its children;
     * it is not a child of the application, as {@code pg_ctl} detaches it.
     */
    public static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/pgdata/postmaster.pid")).get(0).trim());
    }

    private static Result drive(Options options, String config, VidlogApp app, long appPid, CpuMeter cpu,
                                Path recording) throws Exception {
        Hs256Tokens tokens = new Hs256Tokens(LOCAL_JWT_SECRET);
        Duration tokenLifetime = Duration.ofHours(2);
        String creatorToken = tokens.sign("bench-creator", List.of("USER", "CREATOR"), tokenLifetime);
        java.net.http.HttpClient jdk = options.client().equals("jdk") ? JdkHttpTransport.sharedClient() : null;
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            SplittableRandom random = new SplittableRandom(42);
            int[] durations = new int[options.videos()];
            for (int i = 0; i < durations.length; i++) {
                durations[i] = 60 + random.nextInt(841);
            }
            long setupStart = System.nanoTime();
            String[] videoIds = createVideos(options, pool, jdk, app, creatorToken, durations);
            System.out.printf(Locale.ROOT, "[%s] created %d READY videos in %.1f s%n", config, videoIds.length,
                    (System.nanoTime() - setupStart) / 1e9);

            List<Viewer>[] viewersByClient = assignViewers(options, tokens, tokenLifetime, random, durations);
            Window window = new Window(options.warmupClients());
            long warmupStart = System.nanoTime();
            List<Future<ClientResult>> clients = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                Client client = new Client(transport(options, jdk, app), viewersByClient[c], videoIds, durations,
                        new SplittableRandom(1000 + c), window, 0);
                clients.add(pool.submit(client));
            }
            System.out.printf(Locale.ROOT, "[%s] warm-up with %d clients %s; then %d s with all %d%n", config,
                    options.warmupClients(), warmUp(options, appPid, warmupStart, window), options.fullLoadSeconds(),
                    options.clients());
            window.admitAll();
            Thread.sleep(Duration.ofSeconds(options.fullLoadSeconds()).toMillis());
            CpuMeter.Sample before = cpu.sample();
            window.open(System.nanoTime(), Duration.ofSeconds(options.durationSeconds()));
            if (options.profile() != null) {
                startRecording(appPid, recording, options.durationSeconds(),
                        options.profile().equals("true") ? "profile" : options.profile());
            }
            Thread.sleep(Duration.ofSeconds(options.durationSeconds()).toMillis());
            CpuMeter.Sample after = cpu.sample();
            List<ClientResult> done = new ArrayList<>();
            for (Future<ClientResult> client : clients) {
                done.add(client.get());
            }
            return Result.of(done, options.durationSeconds(), after.coresSince(before));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Load without measuring until the application runs at its steady speed: at least {@code warmup} seconds, then
     * on while the throughput of successive 15 s slices still grows by more than 3 % or the JIT compiler still has
     * more than {@code settled-compile-queue} methods waiting, but no longer than {@code max-warmup} seconds. On two
     * shared cores the compiler threads get a small share of the CPU, and a freshly started application runs partly
     * in profiled or interpreted code for minutes: a measurement before then would be one of the warm-up. Under the
     * full load the two JIT compiler threads get two cores' share among dozens of busy threads (a method of three
     * lines took 800 ms to compile, and after five minutes the compile queue still held over a hundred methods),
     * hence the warm-up with a few of the clients.
     *
     * @return what the warm-up ended on, for the report
     */
    static String warmUp(Options options, long appPid, long warmupStart, Window window)
            throws IOException, InterruptedException {
        long minimum = warmupStart + Duration.ofSeconds(options.warmupSeconds()).toNanos();
        long maximum = warmupStart + Duration.ofSeconds(Math.max(options.warmupSeconds(), options.maxWarmupSeconds()))
                .toNanos();
        Thread.sleep(Math.max(0, (minimum - System.nanoTime()) / 1_000_000));
        double previousRate = 0;
        while (true) {
            long countBefore = window.completed();
            long sliceStart = System.nanoTime();
            Thread.sleep(15_000);
            double rate = (window.completed() - countBefore) / ((System.nanoTime() - sliceStart) / 1e9);
            int queue = compileQueueLength(appPid);
            boolean steady = rate <= previousRate * 1.03 && queue <= options.settledCompileQueue();
            if (steady || System.nanoTime() >= maximum) {
                return String.format(Locale.ROOT, "%s after %.0f s: last 15 s %.0f commands/s (before %.0f), JIT "
                                + "compile queue %d", steady ? "steady" : "still warming up (max-warmup reached)",
                        (System.nanoTime() - warmupStart) / 1e9, rate, previousRate, queue);
            }
            previousRate = rate;
        }
    }

    /** Methods waiting for the JIT compiler, from {@code jcmd <pid> Compiler.queue}. */
    private static int compileQueueLength(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "Compiler.queue").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return (int) output.lines().filter(line -> line.matches("\\s*\\d+\\s+.*")).count();
    }

    /**
     * The measured window, opened by the coordinator once warmed up; clients record only what lies inside it. Until
     * {@link #admitAll()} only some of the clients may have a request in flight at once.
     */
    static final class Window {

        private static final int ALL = Integer.MAX_VALUE / 2;

        private volatile long start = Long.MAX_VALUE;
        private volatile long end = Long.MAX_VALUE;
        private final java.util.concurrent.atomic.LongAdder completed = new java.util.concurrent.atomic.LongAdder();
        private final java.util.concurrent.Semaphore inFlight;
        private final int initiallyAdmitted;

        /** Every client sends from the start. */
        Window() {
            this(ALL);
        }

        Window(int admitted) {
            this.initiallyAdmitted = admitted;
            this.inFlight = new java.util.concurrent.Semaphore(admitted);
        }

        void admitAll() {
            inFlight.release(ALL - initiallyAdmitted);
        }

        void enter() throws InterruptedException {
            inFlight.acquire();
        }

        void leave() {
            inFlight.release();
        }

        void open(long now, Duration length) {
            end = now + length.toNanos();
            start = now;
        }

        boolean contains(long from, long to) {
            return from >= start && to <= end;
        }

        boolean isOver(long now) {
            return now >= end;
        }

        void countCompleted() {
            completed.increment();
        }

        long completed() {
            return completed.sum();
        }
    }

    /** A JFR recording of the application during the measured window only (start-up and warm-up left out). */
    private static void startRecording(long pid, Path file, int seconds, String settings)
            throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "JFR.start", "name=command-benchmark", "settings=" + settings,
                "duration=" + seconds + "s", "filename=" + file).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd JFR.start failed for pid " + pid);
        }
    }

    private static Transport transport(Options options, java.net.http.HttpClient jdk, VidlogApp app) {
        return jdk != null ? new JdkHttpTransport(jdk, app.baseUrl()) : new RawHttpTransport("127.0.0.1", app.port());
    }

    static String[] createVideos(Options options, ExecutorService pool, java.net.http.HttpClient jdk,
                                         VidlogApp app, String creatorToken, int[] durations) throws Exception {
        String[] ids = new String[durations.length];
        AtomicInteger next = new AtomicInteger();
        List<Future<Void>> creators = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            creators.add(pool.submit(() -> {
                try (Transport transport = transport(options, jdk, app)) {
                    for (int i = next.getAndIncrement(); i < ids.length; i = next.getAndIncrement()) {
                        byte[] body = JSON.writeValueAsBytes(Map.of("title", "Bench video " + i,
                                "description", "Created by the command benchmark",
                                "tags", List.of("bench", "tag" + (i % 50)), "videoType", "HORIZONTAL",
                                "durationSeconds", durations[i]));
                        int status = transport.send("POST", "/api/v1/dev/videos", creatorToken, body);
                        if (status != 201) {
                            throw new IllegalStateException("Creating a video answered " + status + ": "
                                    + transport.lastBody());
                        }
                        ids[i] = JSON.readTree(transport.lastBody()).path("videoId").asText();
                    }
                }
                return null;
            }));
        }
        for (Future<Void> creator : creators) {
            creator.get();
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    static List<Viewer>[] assignViewers(Options options, Hs256Tokens tokens, Duration lifetime,
                                                SplittableRandom random, int[] durations) throws Exception {
        List<Viewer>[] byClient = new List[options.clients()];
        for (int c = 0; c < byClient.length; c++) {
            byClient[c] = new ArrayList<>();
        }
        for (int u = 0; u < options.users(); u++) {
            Viewer viewer = new Viewer(tokens.sign("bench-user-" + u, List.of("USER"), lifetime));
            viewer.startWatching(random.nextInt(durations.length), durations);
            byClient[u % byClient.length].add(viewer);
        }
        return byClient;
    }

    /** A user: what they watch now and recently, and the sequence their player counts reports with. */
    static final class Viewer {

        private static final int RECENT = 4;

        final String token;
        final int[] recent = new int[RECENT];
        int recentCount;
        int video;
        int position;
        int duration;
        long sequence;

        Viewer(String token) {
            this.token = token;
        }

        /** A new viewing; the sequence goes on counting, so it increases for every (user, video) pair. */
        void startWatching(int newVideo, int[] durations) {
            video = newVideo;
            position = 0;
            duration = durations[newVideo];
            recent[recentCount++ % RECENT] = newVideo;
        }

        int recentVideo(SplittableRandom random) {
            return recent[random.nextInt(Math.min(recentCount, RECENT))];
        }
    }

    /** One client: a connection and the viewers it acts for, one request at a time. */
    static final class Client implements java.util.concurrent.Callable<ClientResult> {

        private static final String[] REACTIONS = {"LIKE", "DISLIKE", "SUPERLIKE"};

        private final Transport transport;
        private final List<Viewer> viewers;
        private final String[] videoIds;
        private final int[] durations;
        private final SplittableRandom random;
        private final Window window;
        private final byte[][] reactionBodies = new byte[REACTIONS.length][];
        private final long intervalNanos;

        /**
         * @param intervalNanos the time between the starts of two requests (a steady rate, as players send), or 0
         *                      for the next request as soon as the answer is in
         */
        Client(Transport transport, List<Viewer> viewers, String[] videoIds, int[] durations, SplittableRandom random,
               Window window, long intervalNanos) {
            this.intervalNanos = intervalNanos;
            this.transport = transport;
            this.viewers = viewers;
            this.videoIds = videoIds;
            this.durations = durations;
            this.random = random;
            this.window = window;
            for (int i = 0; i < REACTIONS.length; i++) {
                reactionBodies[i] = ("{\"type\":\"" + REACTIONS[i] + "\"}").getBytes(StandardCharsets.UTF_8);
            }
        }

        @Override
        public ClientResult call() throws Exception {
            long[] latencies = new long[1 << 16];
            int measured = 0;
            Map<String, Integer> failures = new TreeMap<>();
            Map<String, Integer> warmupFailures = new TreeMap<>();
            try (transport) {
                long next = System.nanoTime();
                while (true) {
                    if (intervalNanos > 0) {
                        next += intervalNanos;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } else if (wait < -intervalNanos) {
                            // Held back (by the warm-up's limit or a slow answer): go on at the rate from now
                            // rather than send the missed requests in a burst.
                            next = System.nanoTime();
                        }
                    }
                    window.enter();
                    long start = System.nanoTime();
                    String outcome;
                    try {
                        if (window.isOver(start)) {
                            break;
                        }
                        outcome = sendOne();
                    } finally {
                        window.leave();
                    }
                    long end = System.nanoTime();
                    window.countCompleted();
                    boolean inWindow = window.contains(start, end);
                    if (outcome != null) {
                        (inWindow ? failures : warmupFailures).merge(outcome, 1, Integer::sum);
                    } else if (inWindow) {
                        if (measured == latencies.length) {
                            latencies = Arrays.copyOf(latencies, latencies.length * 2);
                        }
                        latencies[measured++] = end - start;
                    }
                }
            }
            return new ClientResult(Arrays.copyOf(latencies, measured), failures, warmupFailures);
        }

        /** Sends the next command of a random viewer of this client; {@code null} if it succeeded, else why not. */
        private String sendOne() throws InterruptedException {
            Viewer viewer = viewers.get(random.nextInt(viewers.size()));
            int dice = random.nextInt(100);
            String method;
            String path;
            byte[] body = null;
            if (dice < 60) {
                viewer.position = Math.min(viewer.position + REPORT_INTERVAL_SECONDS, viewer.duration);
                viewer.sequence++;
                method = "POST";
                path = "/api/v1/videos/" + videoIds[viewer.video] + "/progress";
                body = ("{\"positionSeconds\":" + viewer.position + ",\"sequence\":" + viewer.sequence + "}")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                int video = random.nextInt(100) < 80 ? viewer.recentVideo(random) : random.nextInt(videoIds.length);
                if (dice < 85) {
                    path = "/api/v1/videos/" + videoIds[video] + "/reaction";
                    if (random.nextInt(100) < 70) {
                        method = "PUT";
                        body = reactionBodies[random.nextInt(REACTIONS.length)];
                    } else {
                        method = "DELETE";
                    }
                } else {
                    path = "/api/v1/videos/" + videoIds[video] + "/bookmark";
                    method = random.nextInt(100) < 60 ? "PUT" : "DELETE";
                }
            }
            String outcome;
            try {
                int status = transport.send(method, path, viewer.token, body);
                outcome = status / 100 == 2 ? null : status + " " + method + " " + path.substring(path.lastIndexOf('/'));
            } catch (IOException e) {
                outcome = "I/O " + e.getClass().getSimpleName();
            }
            if (dice < 60 && viewer.position >= viewer.duration) {
                viewer.startWatching(random.nextInt(videoIds.length), durations);
            }
            return outcome;
        }
    }

    record ClientResult(long[] latencies, Map<String, Integer> failures, Map<String, Integer> warmupFailures) {
    }

    record Result(long commands, double commandsPerSecond, double p50Millis, double p99Millis, double maxMillis,
                  Map<String, Integer> failures, Map<String, Integer> warmupFailures, Map<String, Double> cores) {

        static Result of(List<ClientResult> clients, int seconds, Map<String, Double> cores) {
            long[] all = clients.stream().flatMapToLong(client -> Arrays.stream(client.latencies())).sorted()
                    .toArray();
            Map<String, Integer> failures = new TreeMap<>();
            Map<String, Integer> warmupFailures = new TreeMap<>();
            for (ClientResult client : clients) {
                client.failures().forEach((status, count) -> failures.merge(status, count, Integer::sum));
                client.warmupFailures().forEach((status, count) -> warmupFailures.merge(status, count, Integer::sum));
            }
            long failed = failures.values().stream().mapToLong(Integer::longValue).sum();
            return new Result(all.length, (all.length + failed) / (double) seconds, percentile(all, 0.50),
                    percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, failures,
                    warmupFailures, cores);
        }

        private static double percentile(long[] sorted, double fraction) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6;
        }

        String describe(String config) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "[%s] %,d commands in the measured window: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                            + "non-2xx %s (warm-up: %s)%n[%s] CPU in cores:", config, commands, commandsPerSecond,
                    p50Millis, p99Millis, maxMillis, failures.isEmpty() ? "none" : failures,
                    warmupFailures.isEmpty() ? "none" : warmupFailures, config));
            cores.forEach((group, used) -> text.append(String.format(Locale.ROOT, " %s %.2f,", group, used)));
            text.setLength(text.length() - 1);
            return text.toString();
        }

        String tableRow(String config) {
            long failed = failures.values().stream().mapToLong(Integer::longValue).sum();
            return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.2f |",
                    config, commandsPerSecond, p50Millis, p99Millis, maxMillis, failed, cores.get("app JVM"),
                    cores.get("postgres"), cores.get("load generator"), cores.get("other processes"),
                    cores.get("machine busy"));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The services' data is large and of no use after the run; the logs beside it stay. */
    public static void deleteServiceData(Path dataDir) throws IOException {
        try (Stream<Path> entries = Files.list(dataDir)) {
            for (Path entry : entries.filter(Files::isDirectory).toList()) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }
}
