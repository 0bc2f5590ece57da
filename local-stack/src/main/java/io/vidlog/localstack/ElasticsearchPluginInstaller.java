package io.vidlog.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keeps a plugin zip installed in the unpacked Elasticsearch distribution with {@code bin/elasticsearch-plugin}.
 * The installation is shared by every stack started from this distribution folder and survives rebuilds, so a
 * marker file beside it holds the SHA-256 of the zip last installed: an unchanged (reproducibly built) zip is not
 * installed again, a changed one replaces the old plugin.
 */
final class ElasticsearchPluginInstaller {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchPluginInstaller.class);
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(3);
    private static final String DESCRIPTOR = "stable-plugin-descriptor.properties";

    private final Path installation;
    private final List<String> asNodeUser;
    private final Map<String, String> environment;
    private final Path logFile;

    /**
     * @param asNodeUser  the command prefix the node runs under: the installer must create files that user can read
     * @param environment the node's Java settings, which the installer's launcher reads too
     * @param logFile     where the installer's output of the last run goes
     */
    ElasticsearchPluginInstaller(Path installation, List<String> asNodeUser, Map<String, String> environment,
                                 Path logFile) {
        this.installation = installation;
        this.asNodeUser = asNodeUser;
        this.environment = environment;
        this.logFile = logFile;
    }

    void ensureInstalled(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Elasticsearch plugin at " + zip
                    + ": build the project with Maven first (it copies the plugin there)");
        }
        String plugin = pluginName(zip);
        Path marker = installation.resolveSibling(installation.getFileName() + "." + plugin + ".sha256");
        Executables.underLock(marker, () -> {
            String checksum = sha256(zip);
            Path installed = installation.resolve("plugins").resolve(plugin);
            if (Files.isDirectory(installed) && Files.isRegularFile(marker)
                    && Files.readString(marker).strip().equals(checksum)) {
                log.info("Elasticsearch plugin {} is installed from {} (SHA-256 {})",
                        plugin, zip.getFileName(), checksum);
                return;
            }
            if (Files.exists(installed)) {
                log.info("Removing Elasticsearch plugin {}: {} differs from the installed one",
                        plugin, zip.getFileName());
                runCli(List.of("remove", plugin), "remove plugin " + plugin);
            }
            log.info("Installing Elasticsearch plugin {} from {}", plugin, zip);
            long startedAt = System.nanoTime();
            runCli(List.of("install", "--batch", zip.toUri().toString()), "install plugin " + plugin + " from " + zip);
            Files.writeString(marker, checksum + "\n");
            log.info("Installed Elasticsearch plugin {} in {} ms (SHA-256 {})", plugin,
                    (System.nanoTime() - startedAt) / 1_000_000, checksum);
        });
    }

    /** The name Elasticsearch installs the plugin under, which its descriptor declares. */
    private static String pluginName(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(DESCRIPTOR);
            if (entry == null) {
                throw new IllegalStateException(zip + " is not a stable Elasticsearch plugin: it has no " + DESCRIPTOR);
            }
            Properties descriptor = new Properties();
            try (InputStream in = file.getInputStream(entry)) {
                descriptor.load(in);
            }
            String name = descriptor.getProperty("name");
            if (name == null || name.isBlank()) {
                throw new IllegalStateException(DESCRIPTOR + " in " + zip + " names no plugin");
            }
            return name.strip();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the Elasticsearch plugin " + zip, e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream content = Files.newInputStream(file);
             DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private void runCli(List<String> arguments, String action) throws IOException {
        List<String> command = new ArrayList<>(asNodeUser);
        command.add(installation.resolve("bin/elasticsearch-plugin").toString());
        command.addAll(arguments);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(installation.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ChildProcess.terminate(process.toHandle(), "elasticsearch-plugin");
                throw new IllegalStateException("elasticsearch-plugin did not " + action + " within " + CLI_TIMEOUT
                        + ". Its output:\n" + Files.readString(logFile));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while elasticsearch-plugin ran to " + action);
        }
        String output = Files.readString(logFile).strip();
        if (process.exitValue() != 0) {
            throw new IllegalStateException("elasticsearch-plugin could not " + action + " (exit code "
                    + process.exitValue() + "). Its output:\n" + output);
        }
        log.debug("elasticsearch-plugin {}: {}", String.join(" ", arguments), output);
    }
}
