package io.vidlog.projection.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a projection gathers from one batch of events and writes at once: handlers only record the changes, the
 * batch writes them in a few statements just before the batch's transaction commits, in the same transaction as the
 * processor's token, so every event counts exactly once however often it is delivered.
 */
public interface EventBatch {

    /** Writes the batch's changes; runs inside the batch's transaction, before it commits. */
    void flush();

    /**
     * Lets the batch's transaction commit without waiting for its write-ahead log to reach the disk. Safe for a read
     * model, and only for one: its rows and the processor's token are in the same transaction, so a crash that loses
     * the last commits loses both, and the processor applies those events again. It spares each batch an fsync wait;
     * commands still wait for theirs.
     */
    static void commitWithoutWaitingForDisk(JdbcTemplate jdbc) {
        jdbc.execute("set local synchronous_commit to off");
    }

    /** An event's time as a statement parameter; null stays null. */
    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Runs after the batch's transaction committed (for stores outside it, such as Redis). */
    default void afterCommit() {
    }

    /**
     * The batch of the unit of work now processing events, created on first use. A processor runs a batch of
     * events in one unit of work, so the handlers of one batch share one instance.
     */
    static <B extends EventBatch> B current(Class<B> type, Supplier<B> create) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return type.cast(unitOfWork.getOrComputeResource(type.getName(), key -> {
            B batch = create.get();
            unitOfWork.onPrepareCommit(committing -> batch.flush());
            unitOfWork.afterCommit(committed -> batch.afterCommit());
            return batch;
        }));
    }
}
