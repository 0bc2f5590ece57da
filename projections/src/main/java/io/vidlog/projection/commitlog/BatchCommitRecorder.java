package io.vidlog.projection.commitlog;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Notes the range of global indexes a processing group's batch handled and records it just before the batch's
 * transaction commits, in that transaction: a batch that rolls back leaves no record, as it leaves no token.
 */
final class BatchCommitRecorder implements MessageHandlerInterceptor<EventMessage<?>> {

    /** Receives one committing batch of a group: the first and last global index it handled. */
    interface Sink {
        void record(String group, long firstIndex, long lastIndex);
    }

    private static final class Range {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
    }

    private final String group;
    private final String resourceKey;
    private final Sink sink;

    BatchCommitRecorder(String group, Sink sink) {
        this.group = group;
        this.resourceKey = BatchCommitRecorder.class.getName() + "/" + group;
        this.sink = sink;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
            tracked.trackingToken().position().ifPresent(index -> {
                UnitOfWork<?> batch = unitOfWork.root();
                // Registered after the first event's handlers ran, so it follows the pre-commit writes they
                // registered: the recorded time is as close to the commit as the transaction allows.
                Range range = batch.getOrComputeResource(resourceKey, key -> {
                    Range created = new Range();
                    batch.onPrepareCommit(committing -> sink.record(group, created.first, created.last));
                    return created;
                });
                range.first = Math.min(range.first, index);
                range.last = Math.max(range.last, index);
            });
        }
        return result;
    }
}
