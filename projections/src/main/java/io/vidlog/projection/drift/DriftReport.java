package io.vidlog.projection.drift;

import java.util.List;

/**
 * The outcome of a drift check.
 *
 * @param position        the processing group's position the events were recomputed up to
 * @param scope           {@code all}, or how many entities were sampled
 * @param factsCompared   facts compared between the recomputed and the live read model
 * @param movedOn         entities left out because events after {@code position} changed them during the check
 * @param differenceCount all differences found; {@code differences} lists the first {@value #LISTED}
 */
public record DriftReport(String name, long position, String scope, int factsCompared, int movedOn,
                          int differenceCount, List<Difference> differences) {

    public static final int LISTED = 1000;

    /** A fact whose live value is not the recomputed one ({@code null}: the fact is absent on that side). */
    public record Difference(String fact, String expected, String actual) {
    }
}
