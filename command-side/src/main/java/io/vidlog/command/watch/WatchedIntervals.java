package io.vidlog.command.watch;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The seconds of a video already watched in one viewing session, kept as disjoint, non-adjacent half-open intervals
 * {@code [start, end)}, so watching a second again is recognised however the viewer seeks. Its size is bounded by
 * the number of separate stretches watched, not by the number of reports.
 * <p>
 * Part of a WatchProgress snapshot, hence serialised by its fields.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class WatchedIntervals {

    /** Interval start → end (exclusive). */
    private TreeMap<Integer, Integer> intervals = new TreeMap<>();

    /** The number of seconds in {@code [from, to)} not covered yet; changes nothing. */
    int uncoveredSeconds(int from, int to) {
        if (to <= from) {
            return 0;
        }
        int covered = 0;
        Integer start = intervals.floorKey(from);
        for (Map.Entry<Integer, Integer> interval : intervals.tailMap(start == null ? from : start).entrySet()) {
            if (interval.getKey() >= to) {
                break;
            }
            covered += Math.max(0, Math.min(interval.getValue(), to) - Math.max(interval.getKey(), from));
        }
        return (to - from) - covered;
    }

    /** Covers {@code [from, to)}; returns the number of seconds newly covered. */
    int add(int from, int to) {
        int added = uncoveredSeconds(from, to);
        if (added == 0) {
            return 0;
        }
        int start = from;
        int end = to;
        Map.Entry<Integer, Integer> before = intervals.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        // Everything starting inside (or right at the end of) the new interval merges into it.
        Map<Integer, Integer> absorbed = intervals.subMap(start, true, end, true);
        for (int absorbedEnd : absorbed.values()) {
            end = Math.max(end, absorbedEnd);
        }
        absorbed.clear();
        intervals.put(start, end);
        return added;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WatchedIntervals that && intervals.equals(that.intervals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intervals);
    }

    @Override
    public String toString() {
        return "WatchedIntervals" + intervals;
    }
}
