package io.vidlog.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.bench.MachineSpeed;
import io.vidlog.bench.PausedPlatform;
import io.vidlog.bench.VidlogApp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * and against Axon's and Spring's defaults, each on its own application with its own local stack (PostgreSQL durable:
 * fsync and synchronous commit on), in one run. Prints commands/s, latency percentiles, non-2xx responses by status,
 * where the CPU went, and the ratio of each configuration to the defaults.
 * <p>
 * Each configuration is started and warmed up once, then paused; then the configurations take turns in rounds, each
 * measured for {@code duration} seconds after {@code settle} seconds of full load, the paused one stopped meanwhile
 * (processes and clients), in alternating order. The ratio is given over all rounds and as the median of each round's
 * own ratio: on a shared host whose speed drifts within minutes, measurements in neighbouring windows are the
 * comparable ones.
 * <p>
 * Each viewer belongs to one client, so its reports are sent in order: every (user, video) pair sees increasing
 * sequences, and positions increase within a viewing. A viewer watches one video at a time in 10 s steps and moves
 * on to another at its end; reactions and bookmarks mostly go to videos the viewer watched recently.
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -q -pl bench exec:java -Dexec.mainClass=io.vidlog.bench.load.CommandBenchmark \
 *     -Dexec.args="clients=32 users=5000 videos=2000 warmup=120 max-warmup=420 duration=30 rounds=4"
 * </pre>
 * Arguments (all optional, {@code name=value}): {@code clients}, {@code users}, {@code videos}, {@code warmup} (the
 * least seconds of load before measuring), {@code max-warmup} and {@code settled-compile-queue} (after the least,
 * the warm-up goes on until the throughput stops growing and the JIT compile queue is no longer than this, or
 * max-warmup seconds have passed), {@code warmup-clients} (how many of the clients send during that warm-up; default
 * an eighth), {@code full-load} (seconds of load by all clients between the warm-up and the first pause, default 30),
 * {@code rounds} (default 3), {@code settle} (seconds of full load after each resumption before measuring, default
 * 15), {@code duration} (measured seconds per round, default 30), {@code client} ({@code raw}: a minimal HTTP/1.1
 * client; {@code jdk}: the JDK's HttpClient), {@code configs} (comma-separated; built in: {@code tuned},
 * {@code default}), {@code config.NAME} (a further configuration: application arguments on top of the tuned ones,
 * separated by {@code ;}), {@code jvm} (options for the application's JVM, separated by {@code ;}), {@code profile}
 * ({@code true}: a JFR recording of each configuration's first measured window with JFR's profile settings, or the
 * path of a {@code .jfc} settings file; written to {@code <configuration>.jfr} in the run's folder), {@code keep}
 * ({@code true} keeps the data).
 */
public final class CommandBenchmark {

    /**
     * Turns every performance setting of application.yml back to what Axon and Spring Boot do without them: no
     * aggregate caches, no snapshots, no cached video lookups, no cached token verifications, Hikari's 10 connections,
     * Tomcat's 200 threads, no JDBC batching, a long-task timer per request, and what {@link AxonDefaults} turns back
     * (Axon's processor settings, storage engine, monitors and watchdogs).
     */
    static final List<String> DEFAULTS = Stream.concat(Stream.of(
            "--vidlog.commands.aggregate-cache.enabled=false",
            "--vidlog.watch.snapshot-threshold=0",
            "--vidlog.commands.video-lookup-cache.enabled=false",
            "--vidlog.jwt.verified-cache.enabled=false",
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
                   int settledCompileQueue, int warmupClients, int fullLoadSeconds, int durationSeconds, int rounds,
                   int settleSeconds, String client,
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
                    Integer.parseInt(values.getOrDefault("duration", "30")),
                    Integer.parseInt(values.getOrDefault("rounds", "3")),
                    Integer.parseInt(values.getOrDefault("settle", "15")),
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
                        + "warm-up at least %d s, %d rounds of %d s measured per configuration; %d cores, load "
                        + "average before start %s; data in %s%n",
                options.clients(), options.client(), options.users(), options.videos(), options.warmupSeconds(),
                options.rounds(), options.durationSeconds(), Runtime.getRuntime().availableProcessors(),
                loadAverage(), runDir);
        System.out.println(MachineSpeed.describe("at the start"));
        Map<String, Platform> platforms = new LinkedHashMap<>();
        try {
            for (String config : options.configs()) {
                Platform platform = Platform.start(options, config, runDir.resolve(config));
                platforms.put(config, platform);
                platform.pause();
            }
            for (int round = 1; round <= options.rounds(); round++) {
                List<String> order = new ArrayList<>(options.configs());
                if (round % 2 == 0) {
                    // Every other round the other way round: a host that speeds up or slows down during a round
                    // favours neither configuration over the run.
                    Collections.reverse(order);
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[round %d]", round));
                for (String config : order) {
                    double rate = platforms.get(config).measureWindow(options, round == 1);
                    line.append(String.format(Locale.ROOT, " %s %.0f commands/s,", config, rate));
                }
                line.setLength(line.length() - 1);
                System.out.println(line);
            }
            Map<String, Result> results = new LinkedHashMap<>();
            for (Platform platform : platforms.values()) {
                results.put(platform.config, platform.finish(options));
            }
            report(results, platforms);
        } finally {
            for (Platform platform : platforms.values()) {
                platform.close();
            }
        }
        System.out.println(MachineSpeed.describe("at the end"));
    }

    private static void report(Map<String, Result> results, Map<String, Platform> platforms) {
        results.forEach((config, result) -> System.out.println(result.describe(config)));
        System.out.println();
        System.out.println("| configuration | commands/s | p50 ms | p99 ms | max ms | non-2xx | app JVM cores | postgres cores "
                + "| load generator cores | other processes cores | machine busy cores |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        results.forEach((config, result) -> System.out.println(result.tableRow(config)));
        Platform defaults = platforms.get("default");
        if (defaults == null) {
            return;
        }
        platforms.values().stream().filter(platform -> platform != defaults).forEach(platform -> {
            double[] ratios = new double[platform.windowRates.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = platform.windowRates.get(i) / defaults.windowRates.get(i);
            }
            StringBuilder perRound = new StringBuilder();
            for (double ratio : ratios) {
                perRound.append(String.format(Locale.ROOT, "%.2f, ", ratio));
            }
            perRound.setLength(perRound.length() - 2);
            Arrays.sort(ratios);
            double median = (ratios[(ratios.length - 1) / 2] + ratios[ratios.length / 2]) / 2;
            System.out.printf(Locale.ROOT, "ratio %s/default: %.2f over all rounds; per round median %.2f (%s)%n",
                    platform.config, results.get(platform.config).commandsPerSecond()
                            / results.get("default").commandsPerSecond(), median, perRound);
        });
    }

    /**
     * The local stack's PostgreSQL server (durable: fsync and synchronous commit on), whose backends are its children;
     * it is not a child of the application, as {@code pg_ctl} detaches it.
     */
    public static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/pgdata/postmaster.pid")).get(0).trim());
    }

    /**
     * One configuration's application, its local stack and its clients: started and warmed up once, then measured
     * in windows, and paused ({@link PausedPlatform}: its clients idle, its processes stopped) while another
     * configuration is measured. On a shared host whose speed drifts within minutes, configurations measured one
     * after the other in a single window each compare two different machines; measured in turns, each round's ratio
     * compares neighbours in time.
     */
    private static final class Platform implements AutoCloseable {

        private final String config;
        private final Path dataDir;
        private final boolean keep;
        private final VidlogApp.Running running;
        private final CpuMeter cpu;
        private final ExecutorService pool;
        private final Window window;
        private final List<Future<ClientResult>> clients = new ArrayList<>();
        private final List<Double> windowRates = new ArrayList<>();
        private final List<Map<String, Double>> windowCores = new ArrayList<>();
        private PausedPlatform paused;

        private Platform(String config, Path dataDir, boolean keep, VidlogApp.Running running, CpuMeter cpu,
                         ExecutorService pool, Window window) {
            this.config = config;
            this.dataDir = dataDir;
            this.keep = keep;
            this.running = running;
            this.cpu = cpu;
            this.pool = pool;
            this.window = window;
        }

        /** Starts the application, creates the videos, warms it up and loads it with every client. */
        static Platform start(Options options, String config, Path dataDir) throws Exception {
            List<String> appArgs = new ArrayList<>(COMMON);
            appArgs.addAll(options.configArgs().get(config));
            VidlogApp app = VidlogApp.prepare(dataDir, options.jvmOptions(), appArgs);
            VidlogApp.Running running = app.start(config);
            System.out.printf(Locale.ROOT, "[%s] started in %.1f s (pid %d), app arguments %s%n", config,
                    running.startSeconds(), running.pid(), options.configArgs().get(config));
            Platform platform = new Platform(config, dataDir, options.keep(), running,
                    new CpuMeter(running.pid(), postmasterPid(dataDir)), Executors.newFixedThreadPool(options.clients()),
                    new Window(options.warmupClients()));
            try {
                platform.load(options, app);
                return platform;
            } catch (Exception | Error e) {
                platform.close();
                throw e;
            }
        }

        private void load(Options options, VidlogApp app) throws Exception {
            Hs256Tokens tokens = new Hs256Tokens(LOCAL_JWT_SECRET);
            Duration tokenLifetime = Duration.ofHours(3);
            String creatorToken = tokens.sign("bench-creator", List.of("USER", "CREATOR"), tokenLifetime);
            java.net.http.HttpClient jdk = options.client().equals("jdk") ? JdkHttpTransport.sharedClient() : null;
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
            long warmupStart = System.nanoTime();
            for (int c = 0; c < options.clients(); c++) {
                clients.add(pool.submit(new Client(transport(options, jdk, app), viewersByClient[c], videoIds,
                        durations, new SplittableRandom(1000 + c), window, 0)));
            }
            System.out.printf(Locale.ROOT, "[%s] warm-up with %d clients %s; then %d s with all %d%n", config,
                    options.warmupClients(), warmUp(options, running.pid(), warmupStart, window),
                    options.fullLoadSeconds(), options.clients());
            window.admitAll();
            Thread.sleep(Duration.ofSeconds(options.fullLoadSeconds()).toMillis());
        }

        /**
         * Resumes the platform, lets it settle under the full load, measures one window and pauses it again.
         *
         * @param first whether this is the platform's first window (the one a JFR recording covers)
         * @return the commands per second of the window
         */
        double measureWindow(Options options, boolean first) throws Exception {
            resume();
            Thread.sleep(Duration.ofSeconds(options.settleSeconds()).toMillis());
            CpuMeter.Sample before = cpu.sample();
            long completedBefore = window.completed();
            Duration length = Duration.ofSeconds(options.durationSeconds());
            window.open(System.nanoTime(), length);
            if (first && options.profile() != null) {
                startRecording(running.pid(), dataDir.resolve(config + ".jfr"), options.durationSeconds(),
                        options.profile().equals("true") ? "profile" : options.profile());
            }
            Thread.sleep(length.toMillis());
            CpuMeter.Sample after = cpu.sample();
            double rate = (window.completed() - completedBefore) / ((after.nanos() - before.nanos()) / 1e9);
            windowRates.add(rate);
            windowCores.add(after.coresSince(before));
            pause();
            return rate;
        }

        /** Ends the clients and sums up every measured window. */
        Result finish(Options options) throws Exception {
            window.finish();
            resume();
            List<ClientResult> done = new ArrayList<>();
            for (Future<ClientResult> client : clients) {
                done.add(client.get());
            }
            Map<String, Double> cores = new LinkedHashMap<>();
            for (Map<String, Double> measured : windowCores) {
                measured.forEach((group, used) -> cores.merge(group, used / windowCores.size(), Double::sum));
            }
            return Result.of(done, options.durationSeconds() * windowRates.size(), cores);
        }

        /** Waits for the requests in flight, then stops the platform's processes. */
        private void pause() throws IOException, InterruptedException {
            window.pause();
            paused = PausedPlatform.pause(running.pid(), postmasterPid(dataDir));
        }

        private void resume() throws IOException, InterruptedException {
            if (paused != null) {
                paused.close();
                paused = null;
            }
            window.resume();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            window.finish();
            resume();
            pool.shutdownNow();
            running.close();
            if (!keep) {
                deleteServiceData(dataDir);
            }
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
     * What the clients may do: until {@link #admitAll()} only some of them may have a request in flight at once;
     * while {@link #pause() paused} none; after {@link #finish()} they end. They record the latency of the requests
     * that lie inside a measured window ({@link #open}); windows do not overlap, so a client's latencies add up over
     * every window of a run.
     */
    static final class Window {

        private static final int ALL = Integer.MAX_VALUE / 2;

        private volatile long start = Long.MAX_VALUE;
        private volatile long end = Long.MAX_VALUE;
        private volatile boolean finished;
        private volatile boolean paused;
        private volatile int resumptions;
        private final java.util.concurrent.atomic.LongAdder completed = new java.util.concurrent.atomic.LongAdder();
        private final java.util.concurrent.Semaphore inFlight;
        private final int initiallyAdmitted;

        Window(int admitted) {
            this.initiallyAdmitted = admitted;
            // Fair: a pause waiting for every permit is not overtaken by clients taking one after another.
            this.inFlight = new java.util.concurrent.Semaphore(admitted, true);
        }

        void admitAll() {
            inFlight.release(ALL - initiallyAdmitted);
        }

        /** Waits until every request in flight has been answered and holds back the next ones. */
        void pause() throws InterruptedException {
            inFlight.acquire(ALL);
            paused = true;
        }

        void resume() {
            if (paused) {
                paused = false;
                resumptions++;
                inFlight.release(ALL);
            }
        }

        /**
         * Waits for the client's turn to send.
         *
         * @return how often the clients were resumed after a pause: a client whose count is behind reconnects, as
         *         the server may have dropped its idle connection meanwhile
         */
        int enter() throws InterruptedException {
            inFlight.acquire();
            return resumptions;
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

        /** The clients end before their next request; the measured windows are over. */
        void finish() {
            finished = true;
        }

        boolean isFinished() {
            return finished;
        }

        void countCompleted() {
            completed.increment();
        }

        long completed() {
            return completed.sum();
        }
    }

    /** A JFR recording of the application during a measured window only (start-up and warm-up left out). */
    static void startRecording(long pid, Path file, int seconds, String settings)
            throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "JFR.start", "name=" + file.getFileName(), "settings=" + settings,
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
        private int resumptions;

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
                    int resumed = window.enter();
                    long start = System.nanoTime();
                    String outcome;
                    try {
                        if (window.isFinished()) {
                            break;
                        }
                        if (resumed != resumptions) {
                            resumptions = resumed;
                            transport.close();
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
                    "[%s] %,d commands in the measured windows: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
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
