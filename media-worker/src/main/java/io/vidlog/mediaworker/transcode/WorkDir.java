package io.vidlog.mediaworker.transcode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folder of one attempt, deleted with everything in it when the attempt ends. */
final class WorkDir implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkDir.class);

    private final Path path;

    private WorkDir(Path path) {
        this.path = path;
    }

    /** The attempt id comes from a Kafka message: only its harmless characters make it into the folder name. */
    static WorkDir create(Path root, String attemptId) throws IOException {
        Files.createDirectories(root);
        return new WorkDir(Files.createTempDirectory(root, attemptId.replaceAll("[^A-Za-z0-9_-]", "_") + "-"));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete the work folder {}: {}", path, e.toString());
        }
    }
}
