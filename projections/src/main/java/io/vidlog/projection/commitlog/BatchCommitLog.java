package io.vidlog.projection.commitlog;

import io.vidlog.projection.ProcessingGroups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * When each processing group committed each batch ({@code projection_batch_commit}): an event was applied by a group
 * when the group's first batch that reached the event's global index committed. One row per batch and group, written
 * in the batch's transaction; kept for {@code vidlog.projections.commit-log.max-age}, at most {@code max-batches}
 * rows per group.
 */
@Component
public class BatchCommitLog implements BatchCommitRecorder.Sink {

    /**
     * A committed batch of a group.
     *
     * @param firstIndex the global index of the first event the group handled in it
     * @param lastIndex  the global index of the last one
     */
    public record Commit(long firstIndex, long lastIndex, Instant committedAt) {

        /** Whether the batch spanned {@code index}: a batch that starts after it says nothing about when it was applied. */
        public boolean spans(long index) {
            return firstIndex <= index && index <= lastIndex;
        }
    }

    private final JdbcTemplate jdbc;
    private final CommitLogSettings settings;

    public BatchCommitLog(JdbcTemplate jdbc, CommitLogSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Runs inside the committing batch's transaction; the database's clock at that moment is the commit time. */
    @Override
    public void record(String group, long firstIndex, long lastIndex) {
        jdbc.update("""
                insert into projection_batch_commit (processing_group, first_index, last_index, committed_at)
                values (?, ?, ?, clock_timestamp())""", group, firstIndex, lastIndex);
    }

    /**
     * For each group and global index, the group's first recorded batch whose last index reached it (absent when the
     * group has committed none since). One index lookup per pair.
     */
    public Map<String, Map<Long, Commit>> firstCommitsReaching(Collection<String> groups, Collection<Long> indexes) {
        Map<String, Map<Long, Commit>> found = new HashMap<>();
        if (groups.isEmpty() || indexes.isEmpty()) {
            return found;
        }
        jdbc.query("""
                        select g.name, e.index, c.first_index, c.last_index, c.committed_at
                        from unnest(?::varchar[]) as g(name) cross join unnest(?::bigint[]) as e(index)
                        join lateral (
                            select first_index, last_index, committed_at from projection_batch_commit
                            where processing_group = g.name and last_index >= e.index
                            order by last_index, committed_at limit 1) c on true""",
                rs -> {
                    found.computeIfAbsent(rs.getString(1), group -> new HashMap<>()).put(rs.getLong(2),
                            new Commit(rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant()));
                },
                groups.toArray(String[]::new), indexes.toArray(Long[]::new));
        return found;
    }

    /** A replay applies every event again: what the group committed before no longer says when. */
    public void forget(String group) {
        jdbc.update("delete from projection_batch_commit where processing_group = ?", group);
    }

    /** Forgets the batches beyond the age and count kept; every minute, and on demand. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public void prune() {
        Timestamp oldest = Timestamp.from(Instant.now().minus(settings.maxAge()));
        for (String group : ProcessingGroups.ALL) {
            jdbc.update("""
                    delete from projection_batch_commit where processing_group = ? and (committed_at < ?
                        or last_index < (select last_index from projection_batch_commit where processing_group = ?
                                         order by last_index desc offset ? limit 1))""",
                    group, oldest, group, settings.maxBatches() - 1);
        }
    }
}
