package io.vidlog.bench.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.bench.MachineSpeed;
import io.vidlog.bench.PausedPlatform;
import io.vidlog.bench.VidlogApp;
import io.vidlog.bench.load.CommandBenchmark;
import io.vidlog.bench.load.CpuMeter;
import io.vidlog.bench.load.Hs256Tokens;
import io.vidlog.localstack.LocalStack;
import io.vidlog.localstack.LocalStackSettings;
import io.vidlog.mediaworker.ffmpeg.FfmpegCommands;
import io.vidlog.mediaworker.ladder.LadderPlanner;
import io.vidlog.mediaworker.ladder.Rung;
import io.vidlog.mediaworker.probe.SourceVideo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The same 1080p clip with sound transcoded to the 360p/720p/1080p HLS ladder three ways, in one run:
 * <ol>
 *     <li><b>three runs</b>: one ffmpeg process per rung, one after the other (the baseline);</li>
 *     <li><b>one pass</b>: the media worker's single ffmpeg process for the whole ladder (decode once, split);</li>
 *     <li><b>pipeline</b>: a real upload through the API of a freshly started application, from the 202 of
 *     {@code upload/complete} until {@code GET /videos/{id}} says READY (saga, Kafka both ways, S3 download and upload,
 *     probe, poster, read model).</li>
 * </ol>
 * Each pipeline round is paired with raw one-pass runs right before it, as the shared host's speed drifts within
 * minutes: one with the whole platform paused ({@link PausedPlatform}; the raw ffmpeg the pipeline's overhead is
 * measured against), then one beside the idle application (how much its background work takes from ffmpeg).
 * The ffmpeg command lines are the media worker's own ({@link FfmpegCommands}); each way runs {@code rounds} times and
 * the median counts. Prints realtime factors (clip seconds per wall second) and the two ratios the targets are about.
 * <pre>
 * mvn -B -q -DskipTests install
 * mvn -q -pl bench exec:java -Dexec.mainClass=io.vidlog.bench.transcode.TranscodeBenchmark \
 *     -Dexec.args="seconds=30 rounds=5 warm-ups=2"
 * </pre>
 */
public final class TranscodeBenchmark {

    private static final String LOCAL_JWT_SECRET = "vidlog-local-development-only-hs256-key-never-use-in-production";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PIPELINE_LIMIT = Duration.ofMinutes(10);
    /** The worker reports progress every 5 %: from 90 % on, the end is a few seconds away. */
    private static final int FAST_POLL_FROM_PERCENT = 90;
    private static final long FINAL_POLL_MS = 50;

    private TranscodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("seconds", "30", "rounds", "3", "warm-ups", "2"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("Arguments are name=value, names " + options.keySet());
            }
            options.put(pair[0], pair[1]);
        }
        int seconds = Integer.parseInt(options.get("seconds"));
        int rounds = Integer.parseInt(options.get("rounds"));
        int warmUps = Integer.parseInt(options.get("warm-ups"));
        Path work = Path.of(".vidlog", "bench", "transcode-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "Transcode benchmark %s; files in %s; %d cores%n", options, work,
                Runtime.getRuntime().availableProcessors());
        System.out.println(MachineSpeed.describe("at the start"));

        try (LocalStack.Lease ffmpegOnly = LocalStack.acquire(LocalStackSettings.from(System::getProperty),
                Set.of("ffmpeg"))) {
            String ffmpeg = (String) ffmpegOnly.properties().get("vidlog.ffmpeg.path");
            Path clip = makeClip(ffmpeg, work.resolve("clip.mp4"), seconds);
            SourceVideo source = new SourceVideo(1920, 1080, seconds, true);
            List<Rung> ladder = new LadderPlanner().plan(source.width(), source.height());
            FfmpegCommands commands = new FfmpegCommands(ffmpeg);

            double[] threeRuns = new double[rounds];
            double[] onePass = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                Path out = work.resolve("round-" + round);
                long started = System.nanoTime();
                for (Rung rung : ladder) {
                    run(commands.hlsLadder(clip, source, List.of(rung), out.resolve("three-runs/" + rung.name())));
                }
                threeRuns[round] = elapsed(started);
                started = System.nanoTime();
                run(commands.hlsLadder(clip, source, ladder, out.resolve("one-pass")));
                onePass[round] = elapsed(started);
                System.out.printf(Locale.ROOT, "round %d: three runs %.1f s, one pass %.1f s (%.2f×)%n", round + 1,
                        threeRuns[round], onePass[round], threeRuns[round] / onePass[round]);
            }
            Alongside alongside = pipeline(work, clip, warmUps, rounds, () -> {
                long started = System.nanoTime();
                run(commands.hlsLadder(clip, source, ladder, work.resolve("beside-the-app")));
                return elapsed(started);
            });

            double three = median(threeRuns);
            double one = median(onePass);
            double onePaused = median(alongside.onePassPaused());
            double oneBesideApp = median(alongside.onePass());
            double whole = median(alongside.pipeline());
            System.out.printf(Locale.ROOT, "%n%-12s %10s %10s%n", "way", "median s", "realtime×");
            System.out.printf(Locale.ROOT, "%-12s %10.1f %10.2f%n", "three runs", three, seconds / three);
            System.out.printf(Locale.ROOT, "%-12s %10.1f %10.2f%n", "one pass", one, seconds / one);
            System.out.printf(Locale.ROOT, "%-12s %10.1f %10.2f%n", "one pass ‡", onePaused, seconds / onePaused);
            System.out.printf(Locale.ROOT, "%-12s %10.1f %10.2f%n", "one pass †", oneBesideApp, seconds / oneBesideApp);
            System.out.printf(Locale.ROOT, "%-12s %10.1f %10.2f%n", "pipeline", whole, seconds / whole);
            System.out.printf(Locale.ROOT, "‡ the same one-pass ffmpeg in each pipeline round, the platform paused%n");
            System.out.printf(Locale.ROOT, "† the same one-pass ffmpeg in each pipeline round, the idle application "
                    + "running beside it%n");
            System.out.printf(Locale.ROOT, "one pass is %.2f× faster than three runs, median of each round's three runs "
                    + "over its one pass (target ≥ 1.2×); medians' ratio %.2f×%n",
                    median(ratios(threeRuns, onePass)), three / one);
            System.out.printf(Locale.ROOT, "pipeline overhead over raw one-pass ffmpeg, median of each round's "
                    + "pipeline over its own one pass ‡: %+.1f %% (target ≤ 10 %%)%n",
                    median(Alongside.overheadsPercent(alongside.pipeline(), alongside.onePassPaused())));
            System.out.printf(Locale.ROOT, "the same over each round's one pass †: %+.1f %%; the idle platform used %.3f "
                    + "cores during the one pass † (median); medians' ratios: pipeline over one pass %+.1f %%, over "
                    + "one pass ‡ %+.1f %%%n",
                    median(Alongside.overheadsPercent(alongside.pipeline(), alongside.onePass())),
                    median(alongside.idlePlatformCores()), (whole / one - 1) * 100, (whole / onePaused - 1) * 100);
            System.out.println(MachineSpeed.describe("at the end"));
        } finally {
            deleteTree(work);
        }
    }

    /** A timed run of ffmpeg. */
    private interface Timed {
        double seconds() throws Exception;
    }

    /**
     * Per round, in seconds: the one pass with the platform paused, the one pass beside the idle application, the
     * pipeline right after them; and the cores the platform (application, its local-stack children, PostgreSQL) used
     * during the one pass beside it — how idle "idle" was.
     */
    private record Alongside(double[] onePassPaused, double[] onePass, double[] pipeline,
                             double[] idlePlatformCores) {

        /** Each round's pipeline over the given one pass of the same round, in percent more. */
        static double[] overheadsPercent(double[] pipeline, double[] baseline) {
            return Arrays.stream(ratios(pipeline, baseline)).map(ratio -> (ratio - 1) * 100).toArray();
        }
    }

    /**
     * On an application of its own, after {@code warmUps} uploads that warm it up (its JIT compilers otherwise take
     * a tenth of a core from ffmpeg during the first rounds): per round, {@code onePass} with the platform paused,
     * {@code onePass} while the application idles beside it (which also gives the platform time to settle after the
     * pause), then the upload-complete → READY time of an upload of {@code clip}.
     */
    private static Alongside pipeline(Path work, Path clip, int warmUps, int rounds, Timed onePass)
            throws Exception {
        Path appDir = work.resolve("app");
        VidlogApp app = VidlogApp.prepare(appDir, List.of("-Xmx1g"), List.of());
        double[] paused = new double[rounds];
        double[] besideApp = new double[rounds];
        double[] times = new double[rounds];
        double[] idleCores = new double[rounds];
        try (VidlogApp.Running running = app.start("pipeline")) {
            long postmaster = CommandBenchmark.postmasterPid(appDir);
            CpuMeter cpu = new CpuMeter(running.pid(), postmaster);
            Hs256Tokens tokens = new Hs256Tokens(LOCAL_JWT_SECRET);
            String creator = tokens.sign("bench-creator", List.of("USER", "CREATOR"), Duration.ofHours(2));
            String admin = tokens.sign("bench-admin", List.of("USER", "ADMIN"), Duration.ofHours(2));
            for (int round = -warmUps; round < rounds; round++) {
                if (round >= 0) {
                    try (PausedPlatform ignored = PausedPlatform.pause(running.pid(), postmaster)) {
                        paused[round] = onePass.seconds();
                    }
                    CpuMeter.Sample idle = cpu.sample();
                    besideApp[round] = onePass.seconds();
                    Map<String, Double> cores = cpu.sample().coresSince(idle);
                    idleCores[round] = cores.get("app JVM") + cores.get("local-stack children") + cores.get("postgres");
                }
                String videoId = call(app, "POST", "/api/v1/videos", creator, """
                        {"title":"Transcode benchmark %d","description":"","tags":["bench"],"videoType":"HORIZONTAL"}
                        """.formatted(round)).path("videoId").asText();
                JsonNode plan = call(app, "POST", "/api/v1/videos/" + videoId + "/upload", creator, """
                        {"fileName":"clip.mp4","contentType":"video/mp4","sizeBytes":%d}""".formatted(Files.size(clip)));
                String parts = putParts(plan, Files.readAllBytes(clip));
                CpuMeter.Sample before = cpu.sample();
                long started = System.nanoTime();
                call(app, "POST", "/api/v1/videos/" + videoId + "/upload/complete", creator,
                        "{\"uploadId\":\"%s\",\"parts\":[%s]}".formatted(plan.path("uploadId").asText(), parts));
                awaitReady(app, videoId, creator, admin);
                double pipeline = elapsed(started);
                // The worker's ffmpeg has ended: /proc counts a process's time only while it runs, so this is the rest.
                String platform = platformCores(cpu.sample().coresSince(before));
                String worker = workerTimes(work.resolve("app/vidlog.log"), videoId);
                if (round < 0) {
                    System.out.printf(Locale.ROOT, "warm-up upload: %.1f s; platform beside ffmpeg %s; the worker: %s%n",
                            pipeline, platform, worker);
                    continue;
                }
                times[round] = pipeline;
                System.out.printf(Locale.ROOT, "round %d: one pass ‡ %.1f s, one pass † %.1f s (the idle platform used "
                                + "%.3f cores meanwhile), pipeline %.1f s (%+.1f %% over ‡, %+.1f %% over †; platform beside "
                                + "ffmpeg %s); the worker: %s%n",
                        round + 1, paused[round], besideApp[round], idleCores[round], pipeline,
                        (pipeline / paused[round] - 1) * 100, (pipeline / besideApp[round] - 1) * 100, platform, worker);
            }
        }
        return new Alongside(paused, besideApp, times, idleCores);
    }

    /** Cores of the application JVM, its local-stack children (not the ffmpeg that has ended) and PostgreSQL. */
    private static String platformCores(Map<String, Double> cores) {
        return String.format(Locale.ROOT, "app %.3f + services %.3f + postgres %.3f cores", cores.get("app JVM"),
                cores.get("local-stack children"), cores.get("postgres"));
    }

    /** The media worker's own account of {@code videoId}'s transcode: encoding, download, poster and upload times. */
    private static String workerTimes(Path log, String videoId) throws IOException {
        Pattern transcoded = Pattern.compile("Transcoded video " + Pattern.quote(videoId) + " attempt [^:]*: (.*?)\"");
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(transcoded::matcher).filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst()
                    .orElse("not in the log");
        }
    }

    private static String putParts(JsonNode plan, byte[] bytes) throws Exception {
        long partSize = plan.path("partSize").asLong();
        List<String> parts = new ArrayList<>();
        for (JsonNode part : plan.path("parts")) {
            int number = part.path("partNumber").asInt();
            int from = (int) ((number - 1) * partSize);
            int to = (int) Math.min(bytes.length, from + partSize);
            HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(part.path("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, from, to))).build(),
                    HttpResponse.BodyHandlers.discarding());
            String etag = put.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(
                    "S3 answered part " + number + " with " + put.statusCode() + " and no ETag"));
            parts.add("{\"partNumber\":%d,\"etag\":%s}".formatted(number, JSON.writeValueAsString(etag)));
        }
        return String.join(",", parts);
    }

    /**
     * Waits for READY without loading the machine the worker shares: the saga's progress once a second until the
     * encode is nearly done, then the video every {@value #FINAL_POLL_MS} ms, so READY is seen within that.
     */
    private static void awaitReady(VidlogApp app, String videoId, String token, String admin) throws Exception {
        long deadline = System.nanoTime() + PIPELINE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> saga = send(app, "GET", "/api/v1/admin/sagas/" + videoId, admin, null);
            // 404: the saga's read model has not seen the upload yet
            JsonNode run = saga.statusCode() == 404 ? null : JSON.readTree(body(saga)).path("run");
            if (run == null || run.path("status").asText().equals("RUNNING")
                    && run.path("progress").asInt() < FAST_POLL_FROM_PERCENT) {
                Thread.sleep(1000);
                continue;
            }
            String status = call(app, "GET", "/api/v1/videos/" + videoId, token, null).path("status").asText();
            if (status.equals("READY")) {
                return;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("Video " + videoId + " failed to transcode: see "
                        + app.baseUrl() + "/api/v1/admin/sagas/" + videoId);
            }
            Thread.sleep(FINAL_POLL_MS);
        }
        throw new IllegalStateException("Video " + videoId + " not READY within " + PIPELINE_LIMIT);
    }

    private static JsonNode call(VidlogApp app, String method, String path, String token, String body)
            throws Exception {
        String answer = body(send(app, method, path, token, body));
        return answer.isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    private static HttpResponse<String> send(VidlogApp app, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a successful answer. */
    private static String body(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static Path makeClip(String ffmpeg, Path clip, int seconds) throws Exception {
        run(List.of(ffmpeg, "-y", "-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "8M", "-pix_fmt", "yuv420p", "-c:a", "aac",
                clip.toString()));
        return clip;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Failed (exit " + process.exitValue() + "): " + String.join(" ", command));
        }
    }

    private static double elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Each round's {@code numerators} over the same round's {@code denominators}: robust to the host's drift. */
    private static double[] ratios(double[] numerators, double[] denominators) {
        double[] ratios = new double[numerators.length];
        Arrays.setAll(ratios, round -> numerators[round] / denominators[round]);
        return ratios;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
