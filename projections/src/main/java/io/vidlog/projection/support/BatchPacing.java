package io.vidlog.projection.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets a processor start at most one batch per interval. A tracking processor is woken by every command that
 * commits, so under a steady load it would run one transaction (token update, writes, Redis) for every one or two
 * events; waiting out the rest of the interval after a batch lets the next one gather what arrived meanwhile. Like
 * a producer's linger time it trades a few milliseconds of latency for throughput. A batch that takes longer than
 * the interval (a replay) is not slowed down.
 */
public final class BatchPacing implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String STARTED = BatchPacing.class.getName();

    private final long intervalNanos;

    public BatchPacing(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(STARTED, key -> {
            long started = System.nanoTime();
            batch.afterCommit(committed -> pauseUntil(started + intervalNanos));
            return started;
        });
        return interceptorChain.proceed();
    }

    private static void pauseUntil(long deadline) {
        long rest = deadline - System.nanoTime();
        if (rest > 0) {
            LockSupport.parkNanos(rest);
        }
    }
}
