package io.vidlog.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A service process started by the local stack. Its pid is written to a file in the service's data folder so
 * that a later start can find and end a process left behind when the JVM that started it was killed
 * ({@code kill -9} runs no shutdown hook, and children outlive their parent).
 */
final class ChildProcess {

    private static final int BUSY_EXECUTABLE_ATTEMPTS = 5;
    private static final long BUSY_EXECUTABLE_PAUSE_MS = 50;

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path pidFile) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} with its output appended to {@code logFile} and records its pid in
     * {@code pidFile}.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Path workDir, Path logFile, Path pidFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        Process process = startRetryingBusyExecutable(builder);
        Files.writeString(pidFile, Long.toString(process.pid()));
        log.info("Started {} (pid {}), log: {}", name, process.pid(), logFile);
        return new ChildProcess(name, process, pidFile);
    }

    /**
     * Services start in parallel, and one may just have written its executable (Executables) while another thread
     * forked: until that child execs, it holds a copy of the writer's file descriptor and the kernel refuses to run
     * the file ("error=26, Text file busy"). It passes within milliseconds, so the start is tried again.
     */
    private static Process startRetryingBusyExecutable(ProcessBuilder builder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder.start();
            } catch (IOException e) {
                if (attempt == BUSY_EXECUTABLE_ATTEMPTS || e.getMessage() == null
                        || !e.getMessage().contains("error=26")) {
                    throw e;
                }
                try {
                    Thread.sleep(BUSY_EXECUTABLE_PAUSE_MS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the process and its descendants to stop, then forces whatever is still running after a grace period. */
    void stop() {
        terminate(process.toHandle(), name);
        deleteQuietly(pidFile);
    }

    /**
     * Ends the process recorded in {@code pidFile} if it is still running and belongs to {@code dataDir}: its
     * command line names the folder or it runs inside it. A recycled pid, now another program's or another
     * stack's, is left alone.
     */
    static void endLeftover(String name, Path pidFile, Path dataDir) {
        readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(handle -> belongsTo(handle, dataDir))
                .ifPresent(handle -> {
                    String notice = "Found " + name + " left running by an earlier start (pid " + handle.pid()
                            + "); stopping it";
                    log.warn(notice);
                    StartupNotices.record(notice);
                    terminate(handle, name);
                });
        deleteQuietly(pidFile);
    }

    private static boolean belongsTo(ProcessHandle handle, Path dataDir) {
        if (handle.info().commandLine().map(line -> line.contains(dataDir.toString())).orElse(false)) {
            return true;
        }
        try {
            // Some servers (Redis) rewrite their visible command line; their working directory still tells.
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(handle.pid()), "cwd")).startsWith(dataDir);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void terminate(ProcessHandle handle, String name) {
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            handle.onExit().get(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception timeoutOrInterrupt) {
            log.warn("{} (pid {}) did not stop within {}; killing it", name, handle.pid(), GRACEFUL_STOP);
            handle.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is checked against the live process table on the next start
        }
    }
}
