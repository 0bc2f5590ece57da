package io.vidlog.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.bench.MachineSpeed;
import io.vidlog.bench.VidlogApp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read side's two figures, in one run:
 * <ol>
 *     <li><b>Projection lag</b>: clients send the command mix at a steady rate while a probe viewer toggles a bookmark
 *     every {@value #PROBE_INTERVAL_MS} ms and polls {@code GET /videos/{id}} until its own {@code me.bookmarked}
 *     shows the change; the lag is from the command's answer to the first read that shows it. During the warm-up
 *     (at least {@code lag-warmup} seconds, then until the JIT compile queue is short) at most an eighth of the
 *     clients have a request in flight at once, then all of them for 30 s before the measurement.</li>
 *     <li><b>Replay speed</b> of each processing group over a generated history of at least {@code events} events
 *     (written straight to the event store), all three groups replaying at once, with the tuned processors of
 *     application.yml and then with Axon's defaults (tracking processor, batch size 1, one segment) on the same
 *     data. The default replays are measured over {@code default-window} seconds rather than to their end, which
 *     would take hours.</li>
 * </ol>
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -q -pl bench exec:java -Dexec.mainClass=io.vidlog.bench.load.ProjectionBenchmark \
 *     -Dexec.args="rate=500 lag-warmup=180 lag-duration=60 events=1000000 default-window=60"
 * </pre>
 * {@code parts=lag} or {@code parts=replay} runs one of the two. {@code profile=true} (JFR's profile settings) or
 * {@code profile=<file>.jfc} records the application during the tuned replays, the first {@code profile-seconds}
 * (default 60) of them, into {@code tuned-replay.jfr} in the run's folder (kept with the logs).
 */
public final class ProjectionBenchmark {

    private static final List<String> GROUPS = List.of("video-metadata", "rankings", "taste-scores");
    private static final long PROBE_INTERVAL_MS = 200;
    /** How often the probe reads while it waits: the resolution of the lag, and the load the probe adds. */
    private static final long PROBE_POLL_MS = 10;
    /** The warm-up goes on past {@code lag-warmup} until the JIT compile queue is short, but no longer than this. */
    private static final int MAX_LAG_WARMUP_SECONDS = 600;
    /** Between the warm-up (few requests in flight, for the JIT) and the measurement: every client at its rate. */
    private static final Duration FULL_LOAD_BEFORE_MEASURING = Duration.ofSeconds(30);
    private static final String LOCAL_JWT_SECRET = "vidlog-local-development-only-hs256-key-never-use-in-production";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("rate", "500", "lag-warmup", "60",
                "lag-duration", "60", "events", "1000000", "default-window", "60", "users", "20000",
                "videos", "2000", "parts", "lag,replay"));
        options.putAll(Map.of("profile", "false", "profile-seconds", "60"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("Arguments are name=value, names " + options.keySet());
            }
            options.put(pair[0], pair[1]);
        }
        int rate = Integer.parseInt(options.get("rate"));
        Path dataDir = Path.of(".vidlog", "bench", "projections-" + System.currentTimeMillis()).toAbsolutePath();
        System.out.printf(Locale.ROOT, "Projection benchmark %s; data in %s%n", options, dataDir);
        System.out.println(MachineSpeed.describe("at the start"));
        Hs256Tokens tokens = new Hs256Tokens(LOCAL_JWT_SECRET);
        String admin = tokens.sign("bench-admin", List.of("USER", "ADMIN"), Duration.ofHours(4));

        try {
            run(options, dataDir, tokens, admin, rate);
            System.out.println(MachineSpeed.describe("at the end"));
        } finally {
            CommandBenchmark.deleteServiceData(dataDir);
        }
    }

    private static void run(Map<String, String> options, Path dataDir, Hs256Tokens tokens, String admin, int rate)
            throws Exception {
        VidlogApp tuned = VidlogApp.prepare(dataDir, List.of(), List.of("--vidlog.rate-limit.enabled=false"));
        Map<String, Double> tunedRates;
        try (VidlogApp.Running running = tuned.start("tuned")) {
            System.out.printf(Locale.ROOT, "[tuned] started in %.1f s%n", running.startSeconds());
            if (options.get("parts").contains("lag")) {
                measureLag(tuned, running.pid(), dataDir, tokens, rate, Integer.parseInt(options.get("lag-warmup")),
                        Integer.parseInt(options.get("lag-duration")));
            }
            if (!options.get("parts").contains("replay")) {
                return;
            }
            long generated = GeneratedEvents.append(tuned.jdbcUrl(), Integer.parseInt(options.get("videos")),
                    Integer.parseInt(options.get("users")), Long.parseLong(options.get("events")), 7);
            System.out.printf(Locale.ROOT, "appended %,d generated events; waiting for the projections%n", generated);
            awaitCaughtUp(tuned, admin, Duration.ofHours(1));
            String profile = options.get("profile");
            if (!profile.equals("false")) {
                CommandBenchmark.startRecording(running.pid(), dataDir.resolve("tuned-replay.jfr"),
                        Integer.parseInt(options.get("profile-seconds")), profile.equals("true") ? "profile" : profile);
            }
            tunedRates = replayAll(tuned, admin, "tuned", Duration.ofHours(1));
        }
        List<String> defaults = AxonDefaults.ARGUMENTS;
        VidlogApp axonDefaults = tuned.withArguments(defaults);
        Map<String, Double> defaultRates;
        try (VidlogApp.Running running = axonDefaults.start("default")) {
            System.out.printf(Locale.ROOT, "[default] started in %.1f s with %s%n", running.startSeconds(), defaults);
            awaitCaughtUp(axonDefaults, admin, Duration.ofHours(1));
            defaultRates = replayAll(axonDefaults, admin, "default",
                    Duration.ofSeconds(Long.parseLong(options.get("default-window"))));
        }
        System.out.println();
        System.out.println("| processing group | tuned events/s | Axon default events/s | ratio |");
        System.out.println("|---|---|---|---|");
        for (String group : GROUPS) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.1f |%n", group, tunedRates.get(group),
                    defaultRates.get(group), tunedRates.get(group) / defaultRates.get(group));
        }
    
    }

    /** Steady command load with a probe measuring command → query visibility; prints the percentiles. */
    private static void measureLag(VidlogApp app, long appPid, Path dataDir, Hs256Tokens tokens, int rate,
                                   int warmupSeconds, int durationSeconds) throws Exception {
        String[] args = {"clients=32", "users=5000", "videos=500", "warmup=" + warmupSeconds,
                "max-warmup=" + Math.max(warmupSeconds, MAX_LAG_WARMUP_SECONDS)};
        CommandBenchmark.Options options = CommandBenchmark.Options.parse(args);
        ExecutorService pool = Executors.newFixedThreadPool(options.clients() + 1);
        try {
            SplittableRandom random = new SplittableRandom(42);
            int[] durations = new int[options.videos()];
            Arrays.setAll(durations, i -> 60 + random.nextInt(841));
            String creator = tokens.sign("bench-creator", List.of("USER", "CREATOR"), Duration.ofHours(2));
            String[] videoIds = CommandBenchmark.createVideos(options, pool, null, app, creator, durations);
            List<CommandBenchmark.Viewer>[] viewers =
                    CommandBenchmark.assignViewers(options, tokens, Duration.ofHours(2), random, durations);
            // During the warm-up few requests at a time, for the reason CommandBenchmark.warmUp gives.
            CommandBenchmark.Window window = new CommandBenchmark.Window(options.warmupClients());
            long interval = Duration.ofSeconds(1).toNanos() * options.clients() / rate;
            List<Future<CommandBenchmark.ClientResult>> clients = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                clients.add(pool.submit(new CommandBenchmark.Client(new RawHttpTransport("127.0.0.1", app.port()),
                        viewers[c], videoIds, durations, new SplittableRandom(1000 + c), window, interval)));
            }
            String probe = tokens.sign("bench-probe", List.of("USER"), Duration.ofHours(2));
            Future<long[]> lags = pool.submit(() -> probe(app, probe, videoIds[0], window));
            System.out.printf(Locale.ROOT, "[tuned] warm-up with at most %d requests in flight %s%n",
                    options.warmupClients(), CommandBenchmark.warmUp(options, appPid, System.nanoTime(), window));
            window.admitAll();
            Thread.sleep(FULL_LOAD_BEFORE_MEASURING.toMillis());
            CpuMeter cpu = new CpuMeter(appPid, CommandBenchmark.postmasterPid(dataDir));
            CpuMeter.Sample before = cpu.sample();
            window.open(System.nanoTime(), Duration.ofSeconds(durationSeconds));
            Thread.sleep(Duration.ofSeconds(durationSeconds).toMillis());
            CpuMeter.Sample after = cpu.sample();
            window.finish();
            List<CommandBenchmark.ClientResult> done = new ArrayList<>();
            for (Future<CommandBenchmark.ClientResult> client : clients) {
                done.add(client.get());
            }
            CommandBenchmark.Result commands = CommandBenchmark.Result.of(done, durationSeconds,
                    after.coresSince(before));
            double achieved = commands.commandsPerSecond();
            System.out.println(commands.describe("tuned, commands during the lag measurement"));
            long[] sorted = lags.get();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "[tuned] lag at %.0f commands/s (asked %d): %d probes, p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms%n", achieved, rate, sorted.length, percentile(sorted, 0.50),
                    percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Toggles the probe's bookmark and times until the query side shows it; returns the lags inside the window. */
    private static long[] probe(VidlogApp app, String token, String videoId, CommandBenchmark.Window window)
            throws Exception {
        List<Long> lags = new ArrayList<>();
        boolean bookmarked = false;
        try (RawHttpTransport transport = new RawHttpTransport("127.0.0.1", app.port())) {
            while (!window.isFinished()) {
                bookmarked = !bookmarked;
                int status = transport.send(bookmarked ? "PUT" : "DELETE", "/api/v1/videos/" + videoId + "/bookmark",
                        token, null);
                long accepted = System.nanoTime();
                if (status / 100 != 2) {
                    throw new IllegalStateException("Probe bookmark answered " + status);
                }
                while (true) {
                    transport.send("GET", "/api/v1/videos/" + videoId, token, null);
                    if (JSON.readTree(transport.lastBody()).path("me").path("bookmarked").asBoolean() == bookmarked) {
                        break;
                    }
                    Thread.sleep(PROBE_POLL_MS);
                }
                long visible = System.nanoTime();
                if (window.contains(accepted, visible)) {
                    lags.add(visible - accepted);
                }
                Thread.sleep(PROBE_INTERVAL_MS);
            }
        }
        return lags.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Replays the three groups at once, as after a deployment that changes all of them; each group's rate is its
     * events over the time it took, or over {@code limit} if it is still replaying then.
     */
    private static Map<String, Double> replayAll(VidlogApp app, String admin, String label, Duration limit)
            throws Exception {
        long started = System.nanoTime();
        for (String group : GROUPS) {
            send(app, admin, "POST", "/api/v1/admin/projections/" + group + "/replay");
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        while (rates.size() < GROUPS.size()) {
            Thread.sleep(500);
            double seconds = (System.nanoTime() - started) / 1e9;
            boolean windowOver = seconds >= limit.toSeconds();
            for (String group : GROUPS) {
                JsonNode status = status(app, admin, group);
                boolean done = !status.path("replaying").asBoolean() && status.path("lag").asLong() == 0;
                if (!rates.containsKey(group) && (done || windowOver)) {
                    long position = status.path("position").asLong();
                    rates.put(group, position / seconds);
                    System.out.printf(Locale.ROOT, "[%s] replay of %s: %,d of %,d events in %.1f s (%s): %.0f "
                                    + "events/s%n", label, group, position, status.path("head").asLong(), seconds,
                            done ? "complete" : "window ended", position / seconds);
                }
            }
        }
        return rates;
    }

    /**
     * Waits until every streaming processor has reached the head of the event store: the read models, and also the
     * saga's, the Kafka publisher's and the search index's processors, which the generated history passes through
     * too — a replay measured while they still catch up would share the CPU with them. Reads each processor's lag
     * from the metrics ({@code vidlog_event_processor_lag_events}).
     */
    private static void awaitCaughtUp(VidlogApp app, String admin, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Pattern lag = Pattern.compile("^vidlog_event_processor_lag_events\\{[^}]*processor=\"([^\"]+)\"[^}]*} (\\S+)$",
                Pattern.MULTILINE);
        while (System.nanoTime() < deadline) {
            Matcher lags = lag.matcher(send(app, admin, "GET", "/actuator/prometheus"));
            boolean caughtUp = true;
            int processors = 0;
            while (lags.find()) {
                processors++;
                caughtUp &= Double.parseDouble(lags.group(2)) == 0;
            }
            if (caughtUp && processors > 0) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Event processors not caught up within " + limit);
    }

    private static JsonNode status(VidlogApp app, String admin, String group) throws Exception {
        return JSON.readTree(send(app, admin, "GET", "/api/v1/admin/projections/" + group));
    }

    private static String send(VidlogApp app, String token, String method, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6;
    }
}
