package io.vidlog.projection.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A projection's read model held in Redis as a copy of rows it keeps in PostgreSQL. PostgreSQL is written in the
 * transaction of the processor's token (exactly once per event); Redis gets absolute values read back from those
 * rows after the commit, so writing a key again, or late, or after Redis lost everything, always converges on the
 * committed state. {@link RedisCopies} runs every write and rebuilds copies that Redis lost; what a batch writes
 * is up to the copy.
 */
public interface RedisCopy {

    /** The processing group whose rows this copies, for logs and metrics. */
    String name();

    /** Writes every row's key to Redis. */
    void rebuild();

    /** Removes every key of this copy from Redis. */
    void clear();

    /**
     * Streams the rows {@code sql} selects and hands them to {@code write} a chunk at a time, so a rebuild of any size
     * holds one chunk in memory.
     */
    static <T> void inChunks(JdbcTemplate jdbc, String sql, RowMapper<T> mapper, int size, Consumer<List<T>> write) {
        List<T> chunk = new ArrayList<>(size);
        jdbc.query(sql, rs -> {
            chunk.add(mapper.mapRow(rs, chunk.size()));
            if (chunk.size() == size) {
                write.accept(chunk);
                chunk.clear();
            }
        });
        write.accept(chunk);
    }
}
