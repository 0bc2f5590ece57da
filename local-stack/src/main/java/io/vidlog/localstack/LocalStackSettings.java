package io.vidlog.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for a local service", e);
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
