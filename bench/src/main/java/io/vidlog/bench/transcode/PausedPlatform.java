package io.vidlog.bench.transcode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform's processes stopped (SIGSTOP) until closed (SIGCONT): the application JVM with its local-stack
 * children, and PostgreSQL's server with its backends (pg_ctl detaches it from the application). Lets the benchmark
 * time raw ffmpeg in the middle of a run, paired with the pipeline that follows, with none of the platform's
 * background work beside it — on a shared host whose speed drifts, a raw baseline measured minutes earlier is not
 * comparable. A pause of half a minute stays below Kafka's consumer session timeout (45 s); the broker's
 * heartbeats to its controller, paused alike, resume with it.
 */
final class PausedPlatform implements AutoCloseable {

    private final List<String> pids;

    private PausedPlatform(List<String> pids) {
        this.pids = pids;
    }

    /** Stops every process under each of {@code roots}, the roots included. */
    static PausedPlatform pause(long... roots) throws IOException, InterruptedException {
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
