package io.vidlog.projection.support;

import io.vidlog.api.engagement.Reaction;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The change of each video's engagement counts over one batch of events, written as one relative update per video.
 * Events carry exact deltas (a reaction change names what it replaces), so adding them up is exact however the
 * events are batched.
 */
public final class CountDeltas {

    /** The count columns, in the order of {@link #values}; every table that keeps counts has all of them. */
    private static final String[] COLUMNS =
            {"likes", "dislikes", "superlikes", "bookmarks", "views", "completions", "watched_seconds"};
    private static final int LIKES = 0;
    private static final int DISLIKES = 1;
    private static final int SUPERLIKES = 2;
    private static final int BOOKMARKS = 3;
    private static final int VIEWS = 4;
    private static final int COMPLETIONS = 5;
    private static final int WATCHED_SECONDS = 6;

    private final Map<String, long[]> values = new LinkedHashMap<>();

    public void reactionChanged(String videoId, Reaction from, Reaction to) {
        long[] counts = of(videoId);
        column(from).ifPresent(column -> counts[column]--);
        column(to).ifPresent(column -> counts[column]++);
    }

    public void bookmarked(String videoId, boolean on) {
        of(videoId)[BOOKMARKS] += on ? 1 : -1;
    }

    public void viewStarted(String videoId) {
        of(videoId)[VIEWS]++;
    }

    public void completed(String videoId) {
        of(videoId)[COMPLETIONS]++;
    }

    public void watched(String videoId, int seconds) {
        of(videoId)[WATCHED_SECONDS] += seconds;
    }

    /** Adds the batch's deltas to {@code table}'s counts, keyed by {@code video_id}. */
    public void addTo(JdbcTemplate jdbc, String table) {
        if (values.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("update ").append(table).append(" set ");
        for (int i = 0; i < COLUMNS.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(COLUMNS[i]).append(" = ").append(COLUMNS[i]).append(" + ?");
        }
        sql.append(" where video_id = ?");
        List<Object[]> rows = new ArrayList<>(values.size());
        values.forEach((videoId, counts) -> {
            Object[] row = new Object[COLUMNS.length + 1];
            for (int i = 0; i < COLUMNS.length; i++) {
                row[i] = counts[i];
            }
            row[COLUMNS.length] = videoId;
            rows.add(row);
        });
        jdbc.batchUpdate(sql.toString(), rows);
    }

    private long[] of(String videoId) {
        return values.computeIfAbsent(videoId, id -> new long[COLUMNS.length]);
    }

    private static OptionalInt column(Reaction reaction) {
        return switch (reaction) {
            case LIKE -> OptionalInt.of(LIKES);
            case DISLIKE -> OptionalInt.of(DISLIKES);
            case SUPERLIKE -> OptionalInt.of(SUPERLIKES);
            case NONE -> OptionalInt.empty();
        };
    }
}
