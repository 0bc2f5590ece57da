package io.vidlog.localstack;

import org.springframework.boot.SpringApplication;
import org.apache.commons.logging.Log;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Starts every service that the configuration does not point elsewhere and puts its address first among the
 * application's properties. A service counts as configured externally when one of its standard properties is
 * set (for example {@code spring.datasource.url}); {@code vidlog.local-stack.enabled=false} turns it all off.
 */
public class LocalStackEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "vidlog-local-stack";
    /** Set to {@code true} when the local stack started services for this environment. */
    static final String ACTIVE_PROPERTY = LocalStackSettings.PREFIX + "active";

    private static final Map<String, List<String>> EXTERNAL_MARKERS = Map.of(
            "postgres", List.of("spring.datasource.url"),
            "kafka", List.of("spring.kafka.bootstrap-servers"),
            "redis", List.of("spring.data.redis.url", "spring.data.redis.host"),
            "elasticsearch", List.of("spring.elasticsearch.uris"),
            "s3", List.of("vidlog.s3.endpoint"),
            "ffmpeg", List.of("vidlog.ffmpeg.path"));

    /** Logging is not set up yet when environment post-processors run: a deferred log replays once it is. */
    private final Log log;

    public LocalStackEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(LocalStackEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(LocalStackSettings.PREFIX + "enabled", Boolean.class, true)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Set<String> wanted = LocalStack.SERVICES.stream()
                .filter(service -> EXTERNAL_MARKERS.get(service).stream().noneMatch(environment::containsProperty))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            return;
        }
        long startedAt = System.nanoTime();
        LocalStackSettings settings = LocalStackSettings.from(environment::getProperty);
        LocalStack.Lease lease = LocalStack.acquire(settings, wanted);
        StartupNotices.drain().forEach(log::warn);
        log.info("Local stack ready in " + (System.nanoTime() - startedAt) / 1_000_000 + " ms (data in "
                + settings.dataDir() + "): " + lease.properties());
        Map<String, Object> properties = new LinkedHashMap<>(lease.properties());
        properties.put(ACTIVE_PROPERTY, "true");
        environment.getPropertySources().addFirst(new LeasePropertySource(properties, lease));
    }

    /** After the configuration files are read, so that their settings decide what runs externally. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The lease taken for this environment, if the local stack started anything for it. */
    static LocalStack.Lease leaseOf(ConfigurableEnvironment environment) {
        return environment.getPropertySources().get(PROPERTY_SOURCE) instanceof LeasePropertySource source
                ? source.lease : null;
    }

    /** The services' addresses, holding the lease that keeps them running. */
    private static final class LeasePropertySource extends MapPropertySource {

        private final LocalStack.Lease lease;

        LeasePropertySource(Map<String, Object> properties, LocalStack.Lease lease) {
            super(PROPERTY_SOURCE, properties);
            this.lease = lease;
        }
    }
}
