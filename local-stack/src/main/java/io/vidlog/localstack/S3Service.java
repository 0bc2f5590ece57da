package io.vidlog.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An S3-compatible server (Adobe S3Mock, the runnable jar from Maven Central) as a child process. Objects are
 * kept in its data folder across restarts.
 */
final class S3Service implements LocalService {

    static final String BUCKET = "vidlog-media";
    private static final int DEFAULT_PORT = 19090;
    private static final int DEFAULT_TLS_PORT = 19191;

    private final LocalStackSettings settings;
    private final int port;
    private final int tlsPort;
    private ChildProcess process;

    S3Service(LocalStackSettings settings) {
        this.settings = settings;
        this.port = settings.port(name(), DEFAULT_PORT);
        this.tlsPort = settings.port(name() + "-tls", DEFAULT_TLS_PORT);
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public void start() throws IOException, InterruptedException {
        Path jar = settings.dist().resolve("s3mock-" + settings.buildProperty("s3mock.version") + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No S3Mock jar at " + jar
                    + ": build the project with Maven first (it copies the jar there)");
        }
        Path dataDir = settings.dataOf(name());
        Path objects = dataDir.resolve("objects");
        Path tmpDir = dataDir.resolve("tmp");
        Files.createDirectories(objects);
        Files.createDirectories(tmpDir);
        Path pidFile = dataDir.resolve("s3mock.pid");
        ChildProcess.endLeftover(name(), pidFile, dataDir);
        Path logFile = dataDir.resolve("s3mock.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = ChildProcess.start(name(), List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                        "-Djava.io.tmpdir=" + tmpDir,
                        "-jar", jar.toString(),
                        "--server.address=127.0.0.1",
                        "--server.port=" + tlsPort,
                        "--http.port=" + port,
                        "--com.adobe.testing.s3mock.store.root=" + objects,
                        "--com.adobe.testing.s3mock.store.retain-files-on-exit=true",
                        "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET),
                Map.of(), dataDir, logFile, pidFile);
        Readiness.await(name(), settings.startTimeout(), process, logFile,
                () -> HttpProbe.status(endpoint() + "/") < 500);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Map<String, Object> springProperties() {
        return Map.of(
                "vidlog.s3.endpoint", endpoint(),
                "vidlog.s3.region", "us-east-1",
                "vidlog.s3.access-key", "local",
                "vidlog.s3.secret-key", "local",
                "vidlog.s3.bucket", BUCKET);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
