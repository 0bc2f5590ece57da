package io.vidlog.app.transcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The media worker's ffmpeg processes, found by the attempt id in their work folder, for crash and hang tests. */
final class FfmpegProcesses {

    private FfmpegProcesses() {
    }

    /**
     * Sends the ladder ffmpeg of {@code attemptId} SIGKILL (a crash) or, when {@code freeze}, SIGSTOP (a hang).
     *
     * @return whether such a process was running
     */
    static boolean kill(String attemptId, boolean freeze) {
        List<ProcessHandle> ladders = ladders(attemptId);
        ladders.forEach(process -> signal(process.pid(), freeze ? "STOP" : "KILL"));
        return !ladders.isEmpty();
    }

    static boolean running(String attemptId) {
        return !ladders(attemptId).isEmpty();
    }

    private static List<ProcessHandle> ladders(String attemptId) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .filter(line -> line.contains("ffmpeg") && line.contains(attemptId)
                                && line.contains("var_stream_map"))
                        .isPresent())
                .toList();
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
