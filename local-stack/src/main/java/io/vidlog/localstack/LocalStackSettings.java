package io.vidlog.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Where the local stack keeps its distributions and data, and which ports it uses.
 *
 * @param home         folder the build copied the service distributions into ({@code home/dist})
 * @param dataDir      folder with one sub-folder of data per service; kept across restarts
 * @param randomPorts  pick free ports instead of the fixed ones (tests, so they can run beside {@code run})
 * @param startTimeout how long each service may take to become ready
 * @param property     reads {@code vidlog.local-stack.*} settings, such as a service's fixed port
 */
public record LocalStackSettings(Path home, Path dataDir, boolean randomPorts, Duration startTimeout,
                                 Function<String, String> property) {

    public static final String PREFIX = "vidlog.local-stack.";

    private static final int LOWEST_RANDOM_PORT = 10_000;
    private static final int LINUX_EPHEMERAL_START = 32_768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** Reads the settings from {@code vidlog.local-stack.*} properties, defaulting to what the build recorded. */
    public static LocalStackSettings from(Function<String, String> property) {
        Properties build = buildInfo();
        Path home = Path.of(orDefault(property.apply(PREFIX + "home"), build.getProperty("home", ".vidlog")))
                .toAbsolutePath().normalize();
        String dataDir = property.apply(PREFIX + "data-dir");
        return new LocalStackSettings(
                home,
                dataDir == null ? home.resolve("data") : Path.of(dataDir).toAbsolutePath().normalize(),
                "random".equalsIgnoreCase(property.apply(PREFIX + "ports")),
                Duration.ofSeconds(Long.parseLong(orDefault(property.apply(PREFIX + "start-timeout-seconds"), "180"))),
                property);
    }

    Path dist() {
        return home.resolve("dist");
    }

    Path dataOf(String service) {
        return dataDir.resolve(service);
    }

    String buildProperty(String key) {
        return buildInfo().getProperty(key);
    }

    /** The port for {@code service}: a free one in random mode, else {@code vidlog.local-stack.<service>.port}. */
    int port(String service, int defaultPort) {
        if (randomPorts) {
            return freePort();
        }
        return Integer.parseInt(orDefault(property.apply(PREFIX + service + ".port"), Integer.toString(defaultPort)));
    }

    /**
     * A free port below the kernel's range of ephemeral ports. Binding port 0 gives a port from that range, and a
     * service binds its port only once it is up — Elasticsearch after half a minute — while the others already open
     * connections, each from an ephemeral port: one of them took Kafka's port in between ("Address already in use").
     * Ports handed out once are not handed out again in this JVM.
     */
    static int freePort() {
        int end = ephemeralPortsStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_RANDOM_PORT, end);
            if (HANDED_OUT.add(port) && available(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port for a local service between " + LOWEST_RANDOM_PORT + " and "
                + end);
    }

    /** Linux's {@code ip_local_port_range}; elsewhere the lowest start in common use (Linux's default). */
    static int ephemeralPortsStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST_RANDOM_PORT + 1_000 ? start : LINUX_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return LINUX_EPHEMERAL_START;
        }
    }

    private static boolean available(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties buildInfo() {
        Properties properties = new Properties();
        try (InputStream in = LocalStackSettings.class.getResourceAsStream("/META-INF/vidlog-local-stack.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
