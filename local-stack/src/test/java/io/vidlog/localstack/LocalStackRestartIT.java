package io.vidlog.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.vidlog.localstack.LocalStackSettings.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The local stack survives the ways its JVM ends: an orderly stop (SIGTERM) leaves no service process behind,
 * and after {@code kill -9} the next start on the same folder ends the orphaned services and finds the data
 * they stored. The stack runs in a JVM of its own ({@link LocalStackMain}) so that the test can kill it.
 */
class LocalStackRestartIT {

    /** Every service that runs a process or keeps data; FFmpeg does neither. */
    private static final Set<String> SERVICES = new LinkedHashSet<>(
            List.of("postgres", "kafka", "redis", "elasticsearch", "s3"));
    private static final List<String> PORTS = List.of("postgres", "kafka", "kafka-controller", "redis",
            "elasticsearch", "elasticsearch-transport", "s3", "s3-tls");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PROPERTY = Pattern.compile("([a-z][\\w.-]*)=(.*)");

    private final Path dataDir = Path.of("target", "restart-it", UUID.randomUUID().toString()).toAbsolutePath();
    private final Map<String, String> settings = fixedPortSettings(dataDir);
    private final List<ProcessHandle> started = new ArrayList<>();

    @Test
    void aStackStoppedWithSigtermLeavesNoProcessBehind() throws Exception {
        Process stack = startStackJvm().process();
        List<ProcessHandle> services = serviceProcesses(stack.toHandle());
        assertThat(services).as("service processes of the stack").isNotEmpty();

        stack.destroy();

        assertThat(stack.waitFor(GONE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("stack JVM exits on SIGTERM").isTrue();
        awaitGone(services);
        assertThat(describe(processesOfDataDir())).isEmpty();
    }

    @Test
    void aStackKilledWithSigkillIsRecoveredOnTheNextStartWithItsData() throws Exception {
        StackJvm first = startStackJvm();
        String token = UUID.randomUUID().toString();
        writeToEveryService(first.properties(), token);
        List<ProcessHandle> orphans = serviceProcesses(first.process().toHandle());

        first.process().destroyForcibly();

        assertThat(first.process().waitFor(GONE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(describe(orphans)).as("service processes that outlived the killed JVM").isNotEmpty();
        List<ProcessHandle> restarted;
        try (LocalStack.Lease lease = LocalStack.acquire(LocalStackSettings.from(settings::get), SERVICES)) {
            Map<String, String> properties = asStrings(lease.properties());
            assertThat(properties).as("same addresses after the restart").isEqualTo(first.properties());
            assertThat(describe(orphans)).as("orphans left running by the restart").isEmpty();
            assertEveryServiceReturns(properties, token);
            restarted = serviceProcesses(ProcessHandle.current());
        }
        awaitGone(restarted);
        assertThat(describe(processesOfDataDir())).isEmpty();
    }

    /** A failed test must not leave services running for the rest of the build. */
    @AfterEach
    void endLeftovers() {
        Stream.concat(started.stream(), processesOfDataDir().stream())
                .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
                .forEach(ProcessHandle::destroyForcibly);
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    // --- the stack's JVM and processes ---

    private record StackJvm(Process process, Map<String, String> properties) {
    }

    /** Runs {@link LocalStackMain} in a new JVM and waits until it prints {@code READY} after the properties. */
    private StackJvm startStackJvm() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx512m"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalStackMain.class.getName()));
        command.addAll(SERVICES);
        Files.createDirectories(dataDir);
        Path output = dataDir.resolve("local-stack-main.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        started.add(process.toHandle());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(output);
            if (lines.contains("READY")) {
                return new StackJvm(process, propertiesIn(lines));
            }
            if (!process.isAlive()) {
                fail("The stack JVM exited before it was ready:\n" + String.join("\n", lines));
            }
            Thread.sleep(250);
        }
        return fail("The stack JVM was not ready within " + READY_TIMEOUT + "; see " + output);
    }

    private static Map<String, String> propertiesIn(List<String> lines) {
        Map<String, String> properties = new TreeMap<>();
        for (String line : lines) {
            Matcher property = PROPERTY.matcher(line);
            if (property.matches()) {
                properties.put(property.group(1), property.group(2));
            }
        }
        return properties;
    }

    /**
     * The processes a stack started from {@code jvm}: its descendants, and PostgreSQL's server, which
     * {@code pg_ctl} detaches from the JVM, with its workers.
     */
    private List<ProcessHandle> serviceProcesses(ProcessHandle jvm) {
        return Stream.concat(jvm.descendants(),
                        postmaster().stream().flatMap(server -> Stream.concat(Stream.of(server), server.descendants())))
                .distinct().toList();
    }

    private Optional<ProcessHandle> postmaster() {
        return ChildProcess.readPid(dataDir.resolve("postgres/pgdata/postmaster.pid")).flatMap(ProcessHandle::of);
    }

    /**
     * Every process that works on the data folder: Elasticsearch, S3Mock and PostgreSQL's server name it on their
     * command line; Redis rewrites its command line, but it and PostgreSQL's workers run inside the folder.
     */
    private List<ProcessHandle> processesOfDataDir() {
        return ProcessHandle.allProcesses()
                .filter(process -> !process.equals(ProcessHandle.current()))
                .filter(process -> process.info().commandLine().map(line -> line.contains(dataDir.toString())).orElse(false)
                        || workingDirectory(process).map(folder -> folder.startsWith(dataDir)).orElse(false))
                .toList();
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException | SecurityException gone) {
            return Optional.empty();
        }
    }

    private static void awaitGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + GONE_TIMEOUT.toNanos();
        while (!describe(processes).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(describe(processes)).as("processes still running after " + GONE_TIMEOUT).isEmpty();
    }

    /** The live ones among {@code processes}, with their command lines, for readable failures. */
    private static List<String> describe(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive)
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("(command unknown)"))
                .toList();
    }

    private static Map<String, String> fixedPortSettings(Path dataDir) {
        Map<String, String> settings = new HashMap<>();
        String home = System.getProperty(PREFIX + "home");
        if (home != null) {
            settings.put(PREFIX + "home", home);
        }
        settings.put(PREFIX + "data-dir", dataDir.toString());
        settings.put(PREFIX + "ports", "fixed");
        List<Integer> ports = freePorts(PORTS.size());
        for (int i = 0; i < PORTS.size(); i++) {
            settings.put(PREFIX + PORTS.get(i) + ".port", Integer.toString(ports.get(i)));
        }
        return settings;
    }

    /** Holds all sockets open at once so that no port is handed out twice. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            return fail("No free ports", e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way once this JVM lets go of it
                }
            });
        }
    }

    private static Map<String, String> asStrings(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue()), (a, b) -> a,
                        TreeMap::new));
    }

    // --- data written through each service, and read back ---

    private static void writeToEveryService(Map<String, String> properties, String token) throws Exception {
        try (Connection connection = postgres(properties); Statement statement = connection.createStatement()) {
            statement.execute("create table restart_check (token text primary key)");
            statement.execute("insert into restart_check values ('" + token + "')");
        }
        try (Jedis redis = redis(properties)) {
            redis.set("restart-check", token);
        }
        try (S3Client s3 = s3(properties)) {
            s3.putObject(request -> request.bucket(properties.get("vidlog.s3.bucket")).key("restart-check.txt"),
                    RequestBody.fromString(token));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.get("spring.kafka.bootstrap-servers"),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart-check", token)).get(30, TimeUnit.SECONDS);
        }
        HttpResponse<String> indexed = elasticsearch(properties, "/restart-check/_doc/1?refresh=true",
                HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}"));
        assertThat(indexed.statusCode()).as(indexed.body()).isIn(200, 201);
        // Redis appends a write to its file within a second (appendfsync everysec). The orphaned Redis is
        // stopped gracefully by the next start, which flushes it anyway; waiting out that second keeps the
        // check meaningful should Redis itself ever die with the JVM.
        Thread.sleep(2_000);
    }

    private static void assertEveryServiceReturns(Map<String, String> properties, String token) throws Exception {
        try (Connection connection = postgres(properties);
             PreparedStatement select = connection.prepareStatement("select count(*) from restart_check where token = ?")) {
            select.setString(1, token);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("PostgreSQL row").isEqualTo(1);
            }
        }
        try (Jedis redis = redis(properties)) {
            assertThat(redis.get("restart-check")).as("Redis key").isEqualTo(token);
        }
        try (S3Client s3 = s3(properties)) {
            assertThat(s3.getObjectAsBytes(request -> request.bucket(properties.get("vidlog.s3.bucket"))
                    .key("restart-check.txt")).asUtf8String()).as("S3 object").isEqualTo(token);
        }
        assertThat(consumeAll(properties, "restart-check")).as("Kafka records").containsExactly(token);
        HttpResponse<String> found = elasticsearch(properties, "/restart-check/_doc/1", null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).as("Elasticsearch document").contains(token);
    }

    private static Connection postgres(Map<String, String> properties) throws Exception {
        return DriverManager.getConnection(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
    }

    private static Jedis redis(Map<String, String> properties) {
        return new Jedis(properties.get("spring.data.redis.host"),
                Integer.parseInt(properties.get("spring.data.redis.port")));
    }

    private static S3Client s3(Map<String, String> properties) {
        return S3Client.builder()
                .endpointOverride(URI.create(properties.get("vidlog.s3.endpoint")))
                .region(Region.of(properties.get("vidlog.s3.region")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        properties.get("vidlog.s3.access-key"), properties.get("vidlog.s3.secret-key"))))
                .forcePathStyle(true)
                .build();
    }

    /** A PUT of {@code body}, or a GET when it is null. */
    private static HttpResponse<String> elasticsearch(Map<String, String> properties, String path,
                                                      HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.get("spring.elasticsearch.uris") + path));
        request = body == null ? request.GET() : request.header("Content-Type", "application/json").PUT(body);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every value in {@code topic}, read from the start by a consumer group that has never read it. */
    private static List<String> consumeAll(Map<String, String> properties, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.get("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }
}
