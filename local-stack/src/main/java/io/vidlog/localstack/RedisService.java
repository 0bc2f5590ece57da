package io.vidlog.localstack;

import redis.embedded.RedisExecProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Redis 7 from the binary that {@code org.signal:embedded-redis} ships, run as a child process with
 * append-only-file persistence so that {@code run} keeps its data across restarts.
 */
final class RedisService implements LocalService {

    private static final int DEFAULT_PORT = 16379;
    private static final String BINARY = "redis-server-" + RedisExecProvider.redisVersion + "-linux-amd64";

    private final LocalStackSettings settings;
    private final int port;
    private ChildProcess process;

    RedisService(LocalStackSettings settings) {
        this.settings = settings;
        this.port = settings.port(name(), DEFAULT_PORT);
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public void start() throws IOException, InterruptedException {
        Path dataDir = settings.dataOf(name());
        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("redis.pid");
        ChildProcess.endLeftover(name(), pidFile, dataDir);
        Path binary = Executables.fromClasspath("/" + BINARY, settings.dist().resolve(BINARY));
        Path logFile = dataDir.resolve("redis.log");
        process = ChildProcess.start(name(), List.of(binary.toString(),
                        "--bind", "127.0.0.1",
                        "--port", Integer.toString(port),
                        "--dir", dataDir.toString(),
                        "--appendonly", "yes",
                        "--appendfsync", "everysec",
                        "--protected-mode", "no"),
                Map.of(), dataDir, logFile, pidFile);
        Readiness.await(name(), settings.startTimeout(), process, logFile, this::answersPing);
    }

    private boolean answersPing() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            // "-LOADING" while the append-only file is replayed; "+PONG" once it accepts commands.
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
    }

    @Override
    public Map<String, Object> springProperties() {
        return Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", port);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
