package io.vidlog.mediaworker.probe;

import io.vidlog.mediaworker.process.DeadlinePassedException;
import io.vidlog.mediaworker.process.ProcessResult;
import io.vidlog.mediaworker.process.ProcessRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Finds out with {@code ffprobe} whether a source is a video, and what size and length it has. */
public final class Ffprobe {

    /** ffprobe's exit code when it cannot read its input; other codes mean ffprobe itself is in trouble. */
    private static final int UNREADABLE_INPUT = 1;

    private final String executable;
    private final ProcessRunner runner;
    private final ProbeReader reader = new ProbeReader();

    public Ffprobe(String executable, ProcessRunner runner) {
        this.executable = executable;
        this.runner = runner;
    }

    public SourceVideo probe(Path source, Instant deadline)
            throws NotAVideoException, IOException, DeadlinePassedException, InterruptedException {
        StringBuilder json = new StringBuilder();
        List<String> command = List.of(executable, "-v", "error", "-print_format", "json", "-show_streams",
                "-show_format", source.toString());
        ProcessResult result = runner.run(command, deadline, line -> json.append(line).append('\n'));
        if (result.exitCode() == UNREADABLE_INPUT) {
            throw new NotAVideoException(result.stderr().lastMeaningfulLine());
        }
        if (!result.succeeded()) {
            throw new IOException(result.failureReason("ffprobe"));
        }
        return reader.read(json.toString());
    }
}
