package io.vidlog.localstack;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/** Releases the lease when start-up fails before the context could create {@link LocalStackLifecycle}. */
public class LocalStackFailureListener implements ApplicationListener<ApplicationFailedEvent> {

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        if (event.getApplicationContext() != null) {
            LocalStack.Lease lease = LocalStackEnvironmentPostProcessor.leaseOf(event.getApplicationContext().getEnvironment());
            if (lease != null) {
                lease.close();
            }
        }
    }
}
