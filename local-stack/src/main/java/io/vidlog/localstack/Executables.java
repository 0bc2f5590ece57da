package io.vidlog.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Unpacks binaries shipped inside jars or zips into the distribution folder, once, under a file lock. */
final class Executables {

    private Executables() {
    }

    /** Copies the class-path resource {@code resource} to {@code target} (made executable) unless already there. */
    static Path fromClasspath(String resource, Path target) {
        return once(target, () -> {
            try (InputStream in = Executables.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + resource + " is not on the class path");
                }
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                partial.toFile().setExecutable(true);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
        });
    }

    interface Unpacking {
        void run() throws IOException;
    }

    /**
     * Runs {@code unpacking} unless {@code target} exists; several JVMs (the app and a test run) may start at the
     * same time, so the check and the work happen under a lock file beside the target.
     */
    static Path once(Path target, Unpacking unpacking) {
        underLock(target, () -> {
            if (!Files.exists(target)) {
                unpacking.run();
            }
        });
        return target;
    }

    /** Runs {@code work}, which checks and changes {@code target}, while holding the lock file beside the target. */
    static void underLock(Path target, Unpacking work) {
        try {
            Files.createDirectories(target.getParent());
            Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                work.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + target, e);
        }
    }
}
