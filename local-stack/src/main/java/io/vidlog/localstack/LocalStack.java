package io.vidlog.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The real services of one JVM: started once, shared by every Spring context of that JVM (test contexts
 * included) and stopped when the last {@link Lease} is released. A JVM shutdown hook stops whatever is left if
 * nobody released it, so no child process outlives an orderly exit.
 */
public final class LocalStack {

    /** Every service the stack can run, in start order. */
    public static final List<String> SERVICES = List.of("postgres", "kafka", "redis", "elasticsearch", "s3", "ffmpeg");

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration RELEASE_GRACE = Duration.ofSeconds(60);
    private static final Map<String, Function<LocalStackSettings, LocalService>> FACTORIES = Map.of(
            "postgres", PostgresService::new,
            "kafka", KafkaService::new,
            "redis", RedisService::new,
            "elasticsearch", ElasticsearchService::new,
            "s3", S3Service::new,
            "ffmpeg", FfmpegService::new);

    private static LocalStack shared;
    private static int leases;
    private static boolean shutdownHookRegistered;

    private final LocalStackSettings settings;
    /** Running services by name, in start order. */
    private final Map<String, LocalService> services = new LinkedHashMap<>();

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts the named services, or joins the stack already running in this JVM and starts those of them it
     * does not run yet, and returns a lease on it.
     *
     * @param wanted names from {@link #SERVICES}
     */
    public static synchronized Lease acquire(LocalStackSettings settings, Set<String> wanted) {
        if (shared == null) {
            shared = new LocalStack(settings);
        }
        try {
            shared.startMissing(wanted);
        } catch (RuntimeException e) {
            if (leases == 0) {
                shared.stopAll();
                shared = null;
            }
            throw e;
        }
        if (!shutdownHookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(LocalStack::stopIfAbandoned, "local-stack-shutdown"));
            shutdownHookRegistered = true;
        }
        leases++;
        return new Lease(shared, Set.copyOf(wanted));
    }

    /** Starts, in parallel, the wanted services that are not running yet. */
    private void startMissing(Set<String> wanted) {
        List<LocalService> missing = SERVICES.stream()
                .filter(name -> wanted.contains(name) && !services.containsKey(name))
                .map(name -> FACTORIES.get(name).apply(settings)).toList();
        if (missing.isEmpty()) {
            return;
        }
        long startedAt = System.nanoTime();
        log.info("Starting {} with data in {}", missing.stream().map(LocalService::name).toList(), settings.dataDir());
        ExecutorService starter = Executors.newFixedThreadPool(missing.size());
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (LocalService service : missing) {
                starts.add(starter.submit(() -> {
                    service.start();
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            stop(missing);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("The local stack could not start: " + cause.getMessage(), cause);
        } finally {
            starter.shutdownNow();
        }
        missing.forEach(service -> services.put(service.name(), service));
        log.info("Local services ready in {} ms: {}", (System.nanoTime() - startedAt) / 1_000_000,
                propertiesOf(wanted));
    }

    /**
     * Stops one running service of this JVM's stack until the returned outage is closed, which starts it again on the
     * same address with the same data: for tests of how the application rides out a broker or store going away.
     */
    public static synchronized Outage outage(String name) {
        LocalService service = shared == null ? null : shared.services.get(name);
        if (service == null) {
            throw new IllegalStateException("The local stack runs no " + name + " in this JVM");
        }
        log.warn("Stopping {} for an outage", name);
        service.stop();
        return new Outage(service);
    }

    /** A stopped service; closing it starts the service again and waits until it is ready. */
    public static final class Outage implements AutoCloseable {

        private final LocalService service;

        private Outage(LocalService service) {
            this.service = service;
        }

        @Override
        public void close() throws Exception {
            synchronized (LocalStack.class) {
                log.warn("Starting {} again after an outage", service.name());
                service.start();
            }
        }
    }

    private Map<String, Object> propertiesOf(Set<String> names) {
        Map<String, Object> properties = new LinkedHashMap<>();
        services.values().stream().filter(service -> names.contains(service.name()))
                .forEach(service -> properties.putAll(service.springProperties()));
        return Collections.unmodifiableMap(properties);
    }

    private static synchronized void release(LocalStack stack) {
        if (stack != shared || --leases > 0) {
            return;
        }
        shared = null;
        stack.stopAll();
        LocalStack.class.notifyAll();
    }

    private void stopAll() {
        stop(new ArrayList<>(services.values()));
        services.clear();
        log.info("Local stack stopped");
    }

    /** Stops in reverse start order; each service stops even when another fails to. */
    private static void stop(List<LocalService> started) {
        List<LocalService> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (LocalService service : reversed) {
            try {
                service.stop();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly: {}", service.name(), e.getMessage());
            }
        }
    }

    /**
     * Spring closes its contexts in shutdown hooks of its own, which run at the same time as this one: give
     * them time to stop the application (and release the stack) before the services go away under it.
     */
    private static synchronized void stopIfAbandoned() {
        long deadline = System.nanoTime() + RELEASE_GRACE.toNanos();
        try {
            while (shared != null && System.nanoTime() < deadline) {
                LocalStack.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shared != null) {
            log.warn("Local stack was not released before exit; stopping it now");
            LocalStack abandoned = shared;
            shared = null;
            abandoned.stopAll();
        }
    }

    /** One user's hold on the stack; releasing it twice is harmless. */
    public static final class Lease implements AutoCloseable {

        private final LocalStack stack;
        private final Set<String> services;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(LocalStack stack, Set<String> services) {
            this.stack = stack;
            this.services = services;
        }

        /** The Spring properties that point an application at the services this lease asked for. */
        public Map<String, Object> properties() {
            synchronized (LocalStack.class) {
                return stack.propertiesOf(services);
            }
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(stack);
            }
        }
    }
}
