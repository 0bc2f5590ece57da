package io.vidlog.localstack;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Releases this context's lease on the local stack when the context closes. Its phase is the lowest, so it is
 * stopped after everything else: event processors and Kafka consumers finish before their services go away.
 */
class LocalStackLifecycle implements SmartLifecycle, DisposableBean {

    private final LocalStack.Lease lease;
    private volatile boolean running;

    LocalStackLifecycle(LocalStack.Lease lease) {
        this.lease = lease;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        lease.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    /** Also when the context fails to start, which stops no lifecycle beans. */
    @Override
    public void destroy() {
        lease.close();
    }
}
