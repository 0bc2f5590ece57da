package io.vidlog.mediaworker.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last lines a process wrote to stderr, bounded in count and length: a transcode of hours must not keep hours of
 * diagnostics in memory, and a failure reason must fit in an event.
 */
public final class StderrTail {

    static final int MAX_LINES = 20;
    static final int MAX_LINE_LENGTH = 300;

    /** FFmpeg's closing words, after the line that said what went wrong. */
    private static final List<String> SUMMARY_LINES = List.of("Conversion failed!", "Exiting normally");
    /** FFmpeg names the component that logged a line with its address in memory, which differs on every run. */
    private static final Pattern COMPONENT_ADDRESS = Pattern.compile(" @ 0x[0-9a-fA-F]+]");

    private final Deque<String> lines = new ArrayDeque<>();

    public synchronized void add(String line) {
        String kept = COMPONENT_ADDRESS.matcher(line.strip()).replaceAll("]");
        if (kept.length() > MAX_LINE_LENGTH) {
            kept = kept.substring(0, MAX_LINE_LENGTH) + "…";
        }
        lines.addLast(kept);
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last line that tells what went wrong, for a failure reason a person can act on. */
    public synchronized String lastMeaningfulLine() {
        for (Iterator<String> line = lines.descendingIterator(); line.hasNext(); ) {
            String candidate = line.next();
            if (!candidate.isEmpty() && SUMMARY_LINES.stream().noneMatch(candidate::startsWith)) {
                return candidate;
            }
        }
        return "no error output";
    }
}
