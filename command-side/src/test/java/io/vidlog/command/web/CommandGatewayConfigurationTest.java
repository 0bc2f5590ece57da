package io.vidlog.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class CommandGatewayConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
            .withUserConfiguration(CommandGatewayConfiguration.class, ScheduledWork.class)
            .withBean(CommandBus.class, () -> mock(CommandBus.class));

    @Test
    void scheduledMethodsRunOnSpringBootsSchedulerNotOnTheCommandRetryThread() {
        context.run(app -> {
            assertThat(app).hasSingleBean(CommandGateway.class).hasSingleBean(TaskScheduler.class)
                    .doesNotHaveBean(ScheduledExecutorService.class);
            String thread = app.getBean(ScheduledWork.class).ranOn.get(10, TimeUnit.SECONDS);
            assertThat(thread).isNotEqualTo("command-retry").startsWith("scheduling-");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class ScheduledWork {

        final CompletableFuture<String> ranOn = new CompletableFuture<>();

        @Scheduled(fixedDelay = 60_000)
        void check() {
            ranOn.complete(Thread.currentThread().getName());
        }
    }
}
