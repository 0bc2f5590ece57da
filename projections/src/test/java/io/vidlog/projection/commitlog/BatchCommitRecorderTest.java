package io.vidlog.projection.commitlog;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCommitRecorderTest {

    private final List<String> happened = new ArrayList<>();
    private final BatchCommitRecorder recorder = new BatchCommitRecorder("video-metadata",
            (group, first, last) -> happened.add("record " + group + " " + first + ".." + last));

    @Test
    void aBatchIsRecordedOnceWithTheFirstAndLastIndexItHandled() {
        process(batch(7, 9, 12), false);

        assertThat(happened).containsExactly("handle 7", "handle 9", "handle 12", "record video-metadata 7..12",
                "commit");
    }

    @Test
    void aBatchThatRollsBackRecordsNothing() {
        process(batch(3, 4), true);

        assertThat(happened).containsExactly("handle 3", "handle 4", "rollback");
    }

    private void process(BatchingUnitOfWork<EventMessage<?>> batch, boolean failAtTheEnd) {
        batch.attachTransaction(new TransactionManager() {
            @Override
            public Transaction startTransaction() {
                return new Transaction() {
                    @Override
                    public void commit() {
                        happened.add("commit");
                    }

                    @Override
                    public void rollback() {
                        happened.add("rollback");
                    }
                };
            }
        });
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(recorder), message -> {
            long index = ((GenericTrackedEventMessage<?>) message).trackingToken().position().orElseThrow();
            happened.add("handle " + index);
            if (failAtTheEnd && batch.isLastMessage()) {
                throw new IllegalStateException("the last handler fails");
            }
            return null;
        }).proceed());
    }

    private static BatchingUnitOfWork<EventMessage<?>> batch(long... indexes) {
        return new BatchingUnitOfWork<>(Arrays.stream(indexes).<EventMessage<?>>mapToObj(
                index -> new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                        GenericEventMessage.asEventMessage("event " + index))).toList());
    }
}
