package io.vidlog.localstack;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Elasticsearch node from the integ-test distribution that Maven Central serves, run as a child
 * process. Elasticsearch refuses to run as root; when we are root it runs in a user namespace where it is an
 * ordinary user, so no system account or change of file ownership is needed. Vidlog's analysis plugin (module
 * {@code search-analysis}) is installed into it before it starts.
 */
final class ElasticsearchService implements LocalService {

    private static final int DEFAULT_PORT = 19200;
    private static final int DEFAULT_TRANSPORT_PORT = 19300;
    private static final String UNPRIVILEGED_ID = "1000";

    private final LocalStackSettings settings;
    private final int port;
    private final int transportPort;
    private ChildProcess process;

    ElasticsearchService(LocalStackSettings settings) {
        this.settings = settings;
        this.port = settings.port(name(), DEFAULT_PORT);
        this.transportPort = settings.port(name() + "-transport", DEFAULT_TRANSPORT_PORT);
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public void start() throws IOException, InterruptedException {
        Path installation = unpack();
        Path dataDir = settings.dataOf(name());
        Path tmpDir = dataDir.resolve("tmp");
        Files.createDirectories(tmpDir);
        Path pidFile = dataDir.resolve("elasticsearch.pid");
        ChildProcess.endLeftover(name(), pidFile, dataDir);
        // Vidlog's index analyzers come from this plugin; the node loads plugins only when it starts.
        new ElasticsearchPluginInstaller(installation, asNodeUser(), Map.of(
                        "ES_JAVA_HOME", javaHome(),
                        "CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmpDir),
                dataDir.resolve("elasticsearch-plugin.log"))
                .ensureInstalled(settings.dist().resolve(settings.buildProperty("elasticsearch.analysis-plugin")));
        Path logFile = dataDir.resolve("elasticsearch-console.log");
        process = ChildProcess.start(name(), command(installation, dataDir), Map.of(
                        "ES_JAVA_HOME", javaHome(),
                        "ES_JAVA_OPTS", "-Xms" + heap() + " -Xmx" + heap(),
                        "ES_TMPDIR", tmpDir.toString()),
                installation, logFile, pidFile);
        Readiness.await(name(), settings.startTimeout(), process, logFile,
                () -> HttpProbe.status(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s") == 200);
    }

    /** This distribution bundles no JDK: Elasticsearch and its tools run on the JVM running us. */
    private static String javaHome() {
        return System.getProperty("java.home");
    }

    /** The prefix Elasticsearch's programs run under: an ordinary user in a user namespace when we are root. */
    private static List<String> asNodeUser() {
        return new UnixSystem().getUid() == 0
                ? List.of("unshare", "--user", "--map-user=" + UNPRIVILEGED_ID, "--map-group=" + UNPRIVILEGED_ID)
                : List.of();
    }

    private List<String> command(Path installation, Path dataDir) {
        List<String> command = new ArrayList<>(asNodeUser());
        command.add(installation.resolve("bin/elasticsearch").toString());
        setting(command, "cluster.name", "vidlog");
        setting(command, "node.name", "vidlog-local");
        setting(command, "discovery.type", "single-node");
        setting(command, "network.host", "127.0.0.1");
        setting(command, "http.port", Integer.toString(port));
        setting(command, "transport.port", Integer.toString(transportPort));
        setting(command, "path.data", dataDir.resolve("data").toString());
        setting(command, "path.logs", dataDir.resolve("logs").toString());
        setting(command, "xpack.security.enabled", "false");
        // A developer machine's disk is often fuller than the production watermarks allow.
        setting(command, "cluster.routing.allocation.disk.threshold_enabled", "false");
        return command;
    }

    private static void setting(List<String> command, String key, String value) {
        command.add("-E");
        command.add(key + "=" + value);
    }

    private String heap() {
        String heap = settings.property().apply(LocalStackSettings.PREFIX + "elasticsearch.heap");
        return heap == null ? "512m" : heap;
    }

    private String uri() {
        return "http://127.0.0.1:" + port;
    }

    private Path unpack() {
        String version = settings.buildProperty("elasticsearch.version");
        Path zip = settings.dist().resolve("elasticsearch-" + version + ".zip");
        Path installation = settings.dist().resolve("elasticsearch-" + version);
        return Executables.once(installation, () -> {
            if (!Files.exists(zip)) {
                throw new IllegalStateException("No Elasticsearch distribution at " + zip
                        + ": build the project with Maven first (it copies the distribution there)");
            }
            Path partial = installation.resolveSibling(installation.getFileName() + ".partial");
            unzip(zip, partial);
            // The zip holds one top-level folder named after the version.
            Files.move(partial.resolve(installation.getFileName()), installation, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
                if (destination.getParent().getFileName().toString().equals("bin")) {
                    destination.toFile().setExecutable(true);
                }
            }
        }
    }

    @Override
    public Map<String, Object> springProperties() {
        return Map.of("spring.elasticsearch.uris", uri());
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
