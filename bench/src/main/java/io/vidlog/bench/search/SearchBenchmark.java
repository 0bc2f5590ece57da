package io.vidlog.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.bench.MachineSpeed;
import io.vidlog.bench.VidlogApp;
import io.vidlog.bench.load.CommandBenchmark;
import io.vidlog.bench.load.CpuMeter;
import io.vidlog.bench.load.GeneratedEvents;
import io.vidlog.bench.load.Hs256Tokens;
import io.vidlog.bench.load.RawHttpTransport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

/**
 * Search, autocomplete and feed over a generated catalogue, in one run:
 * <ol>
 *     <li>{@code videos} videos with Korean, English and mixed titles ({@link Vocabulary}) and viewers' engagement
 *     are appended to the event store of a fresh platform; the <b>index rate</b> is how fast the {@code search}
 *     group turns them into documents, first while every projection catches up at once, then replaying alone.</li>
 *     <li>{@code clients} concurrent clients call each endpoint for {@code duration} seconds (after every endpoint
 *     was called flat out for {@code warmup} seconds, and after another {@code warmup} seconds of its own load):
 *     search, autocomplete, feed (half signed in, with taste scores, half anonymous); p50/p99 latency, twice: at a
 *     steady {@code rate} of requests per second in all (each client on its own schedule; a late answer delays
 *     nothing, and its latency counts from when the request was due), and as fast as the clients can go, where the
 *     latency is mostly the queue in front of two busy cores (16 requests always in flight). Each measurement also
 *     prints where the CPU went: the application, its local-stack children, PostgreSQL, the load generator, and
 *     processes that are not ours (the machine is shared).</li>
 *     <li>The <b>baseline</b>: the same queries as a naive PostgreSQL {@code ILIKE '%q%'} over title and
 *     description of the same rows ({@code video_metadata}), from as many connections.</li>
 * </ol>
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -q -pl bench exec:java -Dexec.mainClass=io.vidlog.bench.search.SearchBenchmark \
 *     -Dexec.args="videos=100000 clients=16 duration=30 rate=50"
 * </pre>
 */
public final class SearchBenchmark {

    private static final String LOCAL_JWT_SECRET = "vidlog-local-development-only-hs256-key-never-use-in-production";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 20_000;
    private static final int FEED_USERS = 2_000;
    private static final String ILIKE = """
            select video_id, title from video_metadata
            where status = 'READY' and (title ilike ? or description ilike ?)
            order by published_at desc limit 20""";

    /** One kind of request, made by every client in a loop. */
    private interface Call {
        /** Makes one request; returns false when it failed. */
        boolean run(Worker worker, SplittableRandom random) throws Exception;
    }

    /** What one client holds: its HTTP connection, or its database connection for the baseline. */
    private record Worker(RawHttpTransport http, Connection db, PreparedStatement ilike) {
    }

    private record Figures(String name, long requests, long errors, double seconds, long[] sortedNanos) {

        String row(String target) {
            if (requests == 0) {
                return String.format(Locale.ROOT, "| %s | 0 | — | — | %s | none answered within the window |",
                        name, target);
            }
            return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %s | %d |", name, requests / seconds,
                    percentile(0.50), percentile(0.99), target, errors);
        }

        double percentile(double fraction) {
            return sortedNanos.length == 0 ? 0 : sortedNanos[Math.min(sortedNanos.length - 1,
                    (int) Math.ceil(fraction * sortedNanos.length) - 1)] / 1e6;
        }
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("videos", "100000", "clients", "16",
                "duration", "30", "warmup", "10", "engagement", "200000", "rate", "50"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("Arguments are name=value, names " + options.keySet());
            }
            options.put(pair[0], pair[1]);
        }
        Path dataDir = Path.of(".vidlog", "bench", "search-" + System.currentTimeMillis()).toAbsolutePath();
        System.out.printf(Locale.ROOT, "Search benchmark %s; data in %s%n", options, dataDir);
        System.out.println(MachineSpeed.describe("at the start"));
        Hs256Tokens tokens = new Hs256Tokens(LOCAL_JWT_SECRET);
        String admin = tokens.sign("bench-admin", List.of("USER", "ADMIN"), Duration.ofHours(4));
        try {
            run(options, dataDir, tokens, admin);
            System.out.println(MachineSpeed.describe("at the end"));
        } finally {
            CommandBenchmark.deleteServiceData(dataDir);
        }
    }

    private static void run(Map<String, String> options, Path dataDir, Hs256Tokens tokens, String admin)
            throws Exception {
        int videos = Integer.parseInt(options.get("videos"));
        VidlogApp app = VidlogApp.prepare(dataDir, List.of(), List.of("--vidlog.rate-limit.enabled=false"));
        try (VidlogApp.Running running = app.start("search")) {
            System.out.printf(Locale.ROOT, "started in %.1f s%n", running.startSeconds());
            long events = GeneratedEvents.append(app.jdbcUrl(), new Vocabulary(videos, 11), USERS,
                    2L * videos + Long.parseLong(options.get("engagement")), 11);
            long appended = System.nanoTime();
            System.out.printf(Locale.ROOT, "appended %,d events (%,d videos created and published, the rest "
                    + "engagement)%n", events, videos);
            try (RawHttpTransport http = new RawHttpTransport("127.0.0.1", app.port())) {
                long position = awaitSearchCaughtUp(http, admin, false);
                double seconds = (System.nanoTime() - appended) / 1e9;
                System.out.printf(Locale.ROOT, "index rate, all projections catching up at once: %,d events in %.1f s"
                        + " = %.0f events/s, %.0f videos/s%n", position, seconds, position / seconds,
                        videos / seconds);
                long replayStarted = System.nanoTime();
                send(http, admin, "POST", "/api/v1/admin/projections/search/replay");
                position = awaitSearchCaughtUp(http, admin, true);
                seconds = (System.nanoTime() - replayStarted) / 1e9;
                System.out.printf(Locale.ROOT, "index rate, search replaying alone into a new index: %,d events in "
                        + "%.1f s = %.0f events/s, %.0f videos/s%n", position, seconds, position / seconds,
                        videos / seconds);
            }
            awaitMergesDone(app);
            // The other event processors (the Kafka publisher, the saga) go through the same 400,000 events at their
            // own pace; measuring before they are done would measure them.
            System.out.printf(Locale.ROOT, "application idle after %.0f s%n",
                    running.awaitIdle(0.1, Duration.ofSeconds(5), Duration.ofMinutes(15)));
            CpuMeter cpu = new CpuMeter(running.pid(), CommandBenchmark.postmasterPid(dataDir));
            String[] feedTokens = new String[FEED_USERS];
            for (int u = 0; u < FEED_USERS; u++) {
                feedTokens[u] = u % 2 == 0 ? null
                        : tokens.sign("bench-user-" + u, List.of("USER"), Duration.ofHours(4));
            }
            int clients = Integer.parseInt(options.get("clients"));
            Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("warmup")));
            Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration")));
            int rate = Integer.parseInt(options.get("rate"));
            Map<String, Call> calls = new LinkedHashMap<>();
            calls.put("search", (worker, random) -> worker.http()
                    .send("GET", "/api/v1/search?size=20&q=" + encode(Vocabulary.query(random)), null, null) == 200);
            calls.put("autocomplete", (worker, random) -> worker.http()
                    .send("GET", "/api/v1/search/autocomplete?prefix=" + encode(Vocabulary.prefix(random)), null,
                            null) == 200);
            calls.put("feed", (worker, random) -> worker.http()
                    .send("GET", "/api/v1/feed?size=20", feedTokens[random.nextInt(FEED_USERS)], null) == 200);
            calls.put("PostgreSQL ILIKE (baseline)", (worker, random) -> {
                String pattern = "%" + Vocabulary.query(random) + "%";
                worker.ilike().setString(1, pattern);
                worker.ilike().setString(2, pattern);
                try (ResultSet rows = worker.ilike().executeQuery()) {
                    while (rows.next()) {
                        rows.getString(2);
                    }
                }
                return true;
            });
            Map<String, String> targets = Map.of("search", "≤ 50 ms", "autocomplete", "≤ 20 ms", "feed", "≤ 100 ms");
            // A server in service has long compiled its hot code; the first endpoint measured would otherwise pay
            // for the JIT compiler's work on the code paths all of them share (two cores: the compiler gets a share).
            for (Map.Entry<String, Call> call : calls.entrySet()) {
                measure("warm-up: " + call.getKey(), app, cpu, clients, 0, Duration.ZERO, warmup, call.getValue());
            }
            List<Figures> steady = new ArrayList<>();
            List<Figures> flatOut = new ArrayList<>();
            for (Map.Entry<String, Call> call : calls.entrySet()) {
                if (rate > 0) {
                    steady.add(measure(call.getKey() + " at " + rate + "/s", app, cpu, clients, rate, warmup,
                            duration, call.getValue()));
                }
                flatOut.add(measure(call.getKey() + " flat out", app, cpu, clients, 0, warmup, duration,
                        call.getValue()));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%,d videos, %d concurrent clients, %d s per endpoint and load%n", videos,
                    clients, duration.toSeconds());
            System.out.println("| endpoint, load | requests/s | p50 ms | p99 ms | target p99 | errors |");
            System.out.println("|---|---|---|---|---|---|");
            List<String> names = List.copyOf(calls.keySet());
            for (int i = 0; i < names.size(); i++) {
                String target = targets.getOrDefault(names.get(i), "—");
                if (rate > 0) {
                    System.out.println(steady.get(i).row(target));
                }
                System.out.println(flatOut.get(i).row(target));
            }
            Figures search = flatOut.get(0);
            Figures ilike = flatOut.get(3);
            System.out.printf(Locale.ROOT, "search vs ILIKE, flat out: p99 %.1f× lower, %.1f× the requests/s%n",
                    ilike.percentile(0.99) / search.percentile(0.99),
                    (search.requests() / search.seconds()) / (ilike.requests() / ilike.seconds()));
        }
    }

    /**
     * Every client calls through warm-up and measurement, {@code rate} requests per second in all ({@code 0}: each
     * as fast as it can); only the measured window counts.
     */
    private static Figures measure(String name, VidlogApp app, CpuMeter cpu, int clients, int rate,
                                   Duration warmup, Duration duration, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime() + warmup.toNanos();
        long end = start + duration.toNanos();
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                long interval = rate == 0 ? 0 : Duration.ofSeconds(1).toNanos() * clients / rate;
                results.add(pool.submit(() -> drive(app, call, new SplittableRandom(100 + client), start, end,
                        interval)));
            }
            Thread.sleep(Math.max(0, (start - System.nanoTime()) / 1_000_000));
            CpuMeter.Sample before = cpu.sample();
            Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            Map<String, Double> cores = cpu.sample().coresSince(before);
            long errors = 0;
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                long[] latencies = result.get();
                errors += latencies[0];
                all.add(Arrays.copyOfRange(latencies, 1, latencies.length));
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            Figures figures = new Figures(name, merged.length, errors, duration.toNanos() / 1e9, merged);
            StringBuilder usage = new StringBuilder();
            cores.forEach((group, used) -> usage.append(String.format(Locale.ROOT, ", %s %.2f", group, used)));
            System.out.printf(Locale.ROOT, "%s: %,d requests, p50 %.1f ms, p99 %.1f ms, %d errors; CPU in cores%s%n",
                    name, merged.length, figures.percentile(0.5), figures.percentile(0.99), errors, usage);
            return figures;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One client's loop, a request every {@code interval} ns (or back to back when 0); returns the error count
     * followed by the latencies measured inside the window, each from when its request was due.
     */
    private static long[] drive(VidlogApp app, Call call, SplittableRandom random, long start, long end,
                                long interval) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        try (RawHttpTransport http = new RawHttpTransport("127.0.0.1", app.port());
             Connection db = DriverManager.getConnection(app.jdbcUrl(), "postgres", "");
             PreparedStatement ilike = db.prepareStatement(ILIKE)) {
            Worker worker = new Worker(http, db, ilike);
            // Clients start spread over one interval, so that paced requests do not arrive in bursts of 16.
            long due = System.nanoTime() + (interval == 0 ? 0 : random.nextLong(interval));
            // An endpoint that cannot keep up falls behind its schedule: the window still ends on time.
            while (due < end && System.nanoTime() < end) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long sent = interval == 0 ? System.nanoTime() : due;
                boolean ok = call.run(worker, random);
                long done = System.nanoTime();
                if (sent >= start) {
                    latencies.add(done - sent);
                    errors += ok ? 0 : 1;
                }
                due = interval == 0 ? done : due + interval;
            }
        }
        long[] result = new long[latencies.size() + 1];
        result[0] = errors;
        for (int i = 0; i < latencies.size(); i++) {
            result[i + 1] = latencies.get(i);
        }
        return result;
    }

    /**
     * Waits until Elasticsearch has merged the segments of the freshly filled index, as it would have long before a
     * production index serves its first query; measuring during the merges would measure them.
     */
    private static void awaitMergesDone(VidlogApp app) throws Exception {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        int quiet = 0;
        while (quiet < 5 && System.nanoTime() - started < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(1000);
            JsonNode nodes = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(app.elasticsearchUrl()
                    + "/_nodes/stats/indices/merge")).build(), HttpResponse.BodyHandlers.ofString()).body());
            long merging = 0;
            for (JsonNode node : nodes.path("nodes")) {
                merging += node.path("indices").path("merges").path("current").asLong();
            }
            quiet = merging == 0 ? quiet + 1 : 0;
        }
        System.out.printf(Locale.ROOT, "segment merges done after %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Waits until the search group is live at the head; returns its position. */
    private static long awaitSearchCaughtUp(RawHttpTransport http, String admin, boolean replay) throws Exception {
        while (true) {
            Thread.sleep(500);
            JsonNode status = JSON.readTree(send(http, admin, "GET", "/api/v1/admin/projections/search"));
            if (!status.path("replaying").asBoolean() && status.path("lag").asLong() == 0
                    && status.path("position").asLong() > 0) {
                return status.path("position").asLong();
            }
            if (replay) {
                System.out.printf(Locale.ROOT, "  replaying: %.0f %% at %.0f events/s%n",
                        status.path("progress").asDouble() * 100, status.path("eventsPerSecond").asDouble());
            }
        }
    }

    private static String send(RawHttpTransport http, String token, String method, String path) throws Exception {
        int status = http.send(method, path, token, null);
        if (status / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + status + ": " + http.lastBody());
        }
        return http.lastBody();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
