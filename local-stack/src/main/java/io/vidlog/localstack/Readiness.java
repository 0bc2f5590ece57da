package io.vidlog.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** Waits until a freshly started service answers, failing early with its log when the process dies. */
final class Readiness {

    private static final long POLL_MILLIS = 250;
    private static final int LOG_LINES_ON_FAILURE = 30;

    private Readiness() {
    }

    static void await(String name, Duration timeout, ChildProcess process, Path logFile, Callable<Boolean> ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up. Last lines of " + logFile + ":\n"
                        + tail(logFile));
            }
            if (answers(ready)) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException(name + " did not become ready within " + timeout + ". Last lines of "
                + logFile + ":\n" + tail(logFile));
    }

    private static boolean answers(Callable<Boolean> ready) {
        try {
            return ready.call();
        } catch (Exception notYet) {
            return false;
        }
    }

    private static String tail(Path logFile) {
        try {
            if (logFile == null || !Files.exists(logFile)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
