package io.vidlog.mediaworker.process;

/** The attempt's deadline passed while a process ran: it was killed, as the saga no longer waits for it. */
public class DeadlinePassedException extends Exception {

    public static final String REASON = "deadline passed";

    public DeadlinePassedException() {
        super(REASON);
    }
}
