package io.vidlog.mediaworker.process;

/**
 * The worker is shutting down and killed the attempt's processes. It is no failure of the attempt: the request must
 * stay unacknowledged so that the next worker takes it up.
 */
public class WorkerStoppingException extends RuntimeException {

    public WorkerStoppingException() {
        super("The media worker is stopping");
    }
}
