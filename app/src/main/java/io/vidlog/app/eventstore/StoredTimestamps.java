package io.vidlog.app.eventstore;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the event store's {@code time_stamp} column back into an {@link Instant}.
 * <p>
 * Axon writes the column with {@link DateTimeUtils#formatInstant} — always {@code yyyy-MM-ddTHH:mm:ss.SSSZ} for the
 * years 0–9999 — and parses it with a {@code DateTimeFormatter} each time an event's timestamp is asked for, twice per
 * event on a processor's stream: 14 % of the application's CPU in a profile of a replay. This reads that one layout by position; any other text
 * (another offset, more fraction digits, a value out of range) goes to Axon's parser, so the answer and the errors are
 * Axon's.
 */
final class StoredTimestamps {

    private static final int LENGTH = "2026-12-02T03:16:22.123Z".length();
    private static final long SECONDS_PER_DAY = 86_400;

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
            return DateTimeUtils.parseInstant(text);
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY
                + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    }

    /** The number written in {@code count} ASCII digits from {@code start}, or -1 if one of them is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
