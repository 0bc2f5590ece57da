package io.vidlog.mediaworker.process;

/** How a process ended: its exit code and the end of what it wrote to stderr. */
public record ProcessResult(int exitCode, StderrTail stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Why {@code program} failed, in one line: its exit code and its last line that says what went wrong. */
    public String failureReason(String program) {
        return program + " exited with code " + exitCode + ": " + stderr.lastMeaningfulLine();
    }
}
