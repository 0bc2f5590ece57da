package io.vidlog.localstack;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Runs the local stack on its own, without the application: for running the app from an IDE against long-lived
 * services, and for tests that kill a stack's JVM. Settings come from {@code -Dvidlog.local-stack.*}; the
 * arguments name the services (all of them when there are none). Prints the Spring properties, then
 * {@code READY}, and runs until the process is stopped.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> services = args.length == 0 ? LocalStack.SERVICES : List.of(args);
        LocalStack.Lease lease = LocalStack.acquire(LocalStackSettings.from(System::getProperty),
                new LinkedHashSet<>(services));
        Runtime.getRuntime().addShutdownHook(new Thread(lease::close, "local-stack-main-shutdown"));
        lease.properties().forEach((key, value) -> System.out.println(key + "=" + value));
        System.out.println("READY");
        Thread.currentThread().join();
    }
}
