package io.vidlog.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform's processes stopped (SIGSTOP) until closed (SIGCONT): the application JVM with its local-stack
 * children, and PostgreSQL's server with its backends (pg_ctl detaches it from the application). On a shared host
 * whose speed drifts within minutes, a baseline measured minutes earlier is not comparable: this lets a benchmark
 * time its baseline in the middle of a run with none of the platform's work beside it (raw ffmpeg, paired with the
 * pipeline that follows), or take turns between two platforms. Kafka's broker, one of the children, is paused with
 * its clients; a pause longer than the consumers' session timeout (45 s) costs a rebalance when they resume.
 */
public final class PausedPlatform implements AutoCloseable {

    private final List<String> pids;

    private PausedPlatform(List<String> pids) {
        this.pids = pids;
    }

    /** Stops every process under each of {@code roots}, the roots included. */
    public static PausedPlatform pause(long... roots) throws IOException, InterruptedException {
        List<String> pids = new ArrayList<>();
        for (long root : roots) {
            ProcessHandle.of(root).ifPresent(handle -> Stream.concat(Stream.of(handle), handle.descendants())
                    .forEach(process -> pids.add(Long.toString(process.pid()))));
        }
        signal("STOP", pids);
        return new PausedPlatform(pids);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        signal("CONT", pids);
    }

    private static void signal(String signal, List<String> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        command.addAll(pids);
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes());
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pids + " failed: " + output);
        }
    }
}
