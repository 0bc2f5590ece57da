package io.vidlog.mediaworker.ffmpeg;

import java.util.OptionalInt;

/**
 * Turns FFmpeg's {@code -progress} lines into percents of the source's duration. The position comes as
 * {@code out_time_us}, and as {@code out_time_ms}, which despite its name is in microseconds too; both are
 * {@code N/A} until the first frame is written.
 */
public final class ProgressParser {

    private static final String[] POSITION_KEYS = {"out_time_us=", "out_time_ms="};
    /** 100 % is reported by the result itself, once everything is uploaded. */
    private static final int MAX_PERCENT = 99;

    private final double durationMicros;

    public ProgressParser(double durationSeconds) {
        this.durationMicros = durationSeconds * 1_000_000;
    }

    public OptionalInt percent(String line) {
        for (String key : POSITION_KEYS) {
            if (line.startsWith(key)) {
                return percentOf(line.substring(key.length()).strip());
            }
        }
        return OptionalInt.empty();
    }

    private OptionalInt percentOf(String micros) {
        try {
            long position = Long.parseLong(micros);
            if (position < 0 || durationMicros <= 0) {
                return OptionalInt.empty();
            }
            return OptionalInt.of((int) Math.min(MAX_PERCENT, Math.floor(position * 100 / durationMicros)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
