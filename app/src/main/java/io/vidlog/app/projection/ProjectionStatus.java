package io.vidlog.app.projection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A processing group as the admin API shows it.
 *
 * @param state           {@code running}, {@code replaying}, {@code error}, or {@code stopped}
 * @param position        the global index of the last event applied (the lowest over the group's segments)
 * @param head            the global index of the newest event in the event store
 * @param lag             events still to apply ({@code head - position})
 * @param progress        share of the work done, 0 to 1: of the replay while replaying, else of the event store
 * @param eventsPerSecond how fast the position advanced over the last seconds
 * @param etaSeconds      seconds until caught up at that speed; absent when caught up or not moving
 * @param error           why the processor stopped, when in error
 * @param driftCheck      whether {@code GET /admin/projections/{name}/drift} can check this group
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectionStatus(String name, String state, long position, long head, long lag, boolean replaying,
                               double progress, Double eventsPerSecond, Long etaSeconds, String eta, String error,
                               boolean driftCheck) {
}
