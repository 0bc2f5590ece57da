package io.vidlog.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.AxonTransientException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A command gateway that retries transient failures. Within one node Axon locks an aggregate while a command
 * runs, so concurrent commands on one aggregate queue up; across nodes the event store's unique key makes the
 * second writer fail with a ConcurrencyException, which a retry turns into a fresh, consistent attempt.
 */
@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    @Bean
    CommandRetryThread commandRetryThread() {
        return new CommandRetryThread();
    }

    @Bean
    RetryScheduler commandRetryScheduler(CommandRetryThread commandRetryThread,
                                         @Value("${vidlog.commands.max-retries:3}") int maxRetries,
                                         @Value("${vidlog.commands.retry-interval-ms:50}") int retryIntervalMillis) {
        return IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryThread.executor)
                // Only a lost race is worth repeating; a rejected command would be rejected again.
                .nonTransientFailurePredicate(failure -> !(failure instanceof AxonTransientException))
                .maxRetryCount(maxRetries)
                .retryInterval(retryIntervalMillis)
                .build();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler commandRetryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(commandRetryScheduler).build();
    }

    /**
     * The thread that repeats commands, deliberately not a {@code ScheduledExecutorService} bean: Spring would run
     * every {@code @Scheduled} method of the application on the only such bean, and Spring Boot would not configure
     * its task scheduler — one slow check (Elasticsearch unreachable) would then hold up both the other checks and
     * the command retries.
     */
    static final class CommandRetryThread implements DisposableBean {

        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public void destroy() {
            executor.shutdown();
        }
    }
}
