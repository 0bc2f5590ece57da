package io.vidlog.mediaworker.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs FFmpeg's executables for as long as the attempt's deadline allows, and kills every one of them when the
 * application stops. It stops before the Kafka listeners (a higher lifecycle phase), so a listener waiting for a
 * transcode returns at once, without acknowledging its request, and the next worker takes the request up.
 */
public final class ProcessRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    /**
     * Runs {@code command} to its end, handing each line of its stdout to {@code stdoutLines} as it comes.
     *
     * @throws DeadlinePassedException when {@code deadline} came first; the process is killed
     * @throws WorkerStoppingException when the application stops meanwhile; the process is killed
     */
    public ProcessResult run(List<String> command, Instant deadline, Consumer<String> stdoutLines)
            throws IOException, DeadlinePassedException, InterruptedException {
        if (!accepting) {
            throw new WorkerStoppingException();
        }
        Process process = new ProcessBuilder(command).start();
        running.add(process);
        try {
            process.getOutputStream().close();
            StderrTail stderr = new StderrTail();
            Thread stderrReader = readLines(process.getErrorStream(), stderr::add, command.get(0) + " stderr");
            Thread stdoutReader = readLines(process.getInputStream(), stdoutLines, command.get(0) + " stdout");
            boolean ended = process.waitFor(millisUntil(deadline), TimeUnit.MILLISECONDS);
            if (!ended) {
                destroyTree(process);
            }
            stderrReader.join();
            stdoutReader.join();
            if (!ended) {
                throw new DeadlinePassedException();
            }
            if (!accepting && process.exitValue() != 0) {
                throw new WorkerStoppingException();
            }
            return new ProcessResult(process.exitValue(), stderr);
        } catch (InterruptedException e) {
            destroyTree(process);
            throw e;
        } finally {
            running.remove(process);
        }
    }

    private static long millisUntil(Instant deadline) {
        return Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }

    private static Thread readLines(InputStream stream, Consumer<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException | UncheckedIOException e) {
                log.debug("Stopped reading {}: {}", name, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Could not handle a line of {}", name, e);
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** FFmpeg may be started through a launcher script: its children must die too, or they keep the files open. */
    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Process {} did not end {} after it was killed", process.pid(), KILL_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        accepting = true;
    }

    @Override
    public void stop() {
        accepting = false;
        if (!running.isEmpty()) {
            log.info("Stopping: killing {} FFmpeg process(es); their requests will be processed again", running.size());
        }
        running.forEach(ProcessRunner::destroyTree);
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    /** Before the Kafka listener containers ({@code Integer.MAX_VALUE - 100}): see the class comment. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
