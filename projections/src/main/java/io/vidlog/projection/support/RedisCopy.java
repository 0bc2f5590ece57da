package io.vidlog.projection.support;

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
}
