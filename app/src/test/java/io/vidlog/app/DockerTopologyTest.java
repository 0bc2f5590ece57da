package io.vidlog.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docker/compose.yaml} and the {@code docker} profile in step without running Docker: every address the
 * profile uses names a compose service on a port that service listens on, and every dependency exists. A renamed
 * service, a moved port or a dropped dependency fails here rather than at the first {@code docker compose up}.
 */
class DockerTopologyTest {

    /** Surefire runs in the module folder, {@code app/}. */
    private static final Path COMPOSE_FILE = Path.of("..", "docker", "compose.yaml");
    private static final String DOCKER_PROFILE = "application-docker.yml";

    private static final String APP = "app";
    private static final String MEDIA_WORKER = "media-worker";

    /** The properties through which the application reaches a store; each one also keeps the local stack off it. */
    private static final List<String> ADDRESS_PROPERTIES = List.of(
            "spring.datasource.url",
            "spring.kafka.bootstrap-servers",
            "spring.data.redis.host",
            "spring.elasticsearch.uris",
            "vidlog.s3.endpoint");

    /** Address properties that hold a bare host: the property holding its port, and Spring Boot's default. */
    private static final Map<String, Map.Entry<String, Integer>> PORT_PROPERTIES =
            Map.of("spring.data.redis.host", Map.entry("spring.data.redis.port", 6379));

    /** The port a client uses when a URI names none. */
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "postgresql", 5432);

    private static Map<String, Object> services;
    private static Map<String, Object> dockerProfile;

    @BeforeAll
    static void readTheComposeFileAndTheDockerProfile() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
            Map<String, Object> compose = yaml().load(reader);
            services = map(compose.get("services"));
        }
        try (InputStream profile = DockerTopologyTest.class.getClassLoader().getResourceAsStream(DOCKER_PROFILE)) {
            assertThat(profile).as("%s on the classpath", DOCKER_PROFILE).isNotNull();
            dockerProfile = new LinkedHashMap<>();
            for (Object document : yaml().loadAll(profile)) {
                flatten("", document, dockerProfile);
            }
        }
    }

    @Test
    void everyServiceTheAppAndTheMediaWorkerDependOnIsDefined() {
        for (String dependent : List.of(APP, MEDIA_WORKER)) {
            assertThat(dependencies(dependent)).as("dependencies of %s", dependent).isNotEmpty();
            assertThat(services.keySet()).as("services of %s, which %s depends on", COMPOSE_FILE, dependent)
                    .containsAll(dependencies(dependent).keySet());
        }
    }

    @Test
    void aServiceThatOthersWaitToBeHealthyHasAHealthCheck() {
        for (String dependent : services.keySet()) {
            dependencies(dependent).forEach((dependency, condition) -> {
                if ("service_healthy".equals(condition)) {
                    Object healthCheck = service(dependency).getOrDefault("healthcheck", Map.of());
                    assertThat(map(healthCheck))
                            .as("health check of %s, which %s waits to be healthy (compose fails without one)",
                                    dependency, dependent)
                            .containsKey("test")
                            .doesNotContainEntry("disable", true);
                }
            });
        }
    }

    @Test
    void everyAddressOfTheDockerProfileIsAServiceOfTheComposeFile() {
        for (Address address : allAddresses()) {
            assertThat(services.keySet()).as("services of %s, for %s", COMPOSE_FILE, address).contains(address.host());
        }
    }

    @Test
    void everyAddressOfTheDockerProfileUsesAPortItsServiceListensOn() {
        for (Address address : allAddresses()) {
            assertThat(listeningPorts(service(address.host())))
                    .as("container ports service %s declares (expose, ports), for %s", address.host(), address)
                    .contains(address.port());
        }
    }

    @Test
    void theAppStartsOnlyOnceEveryServiceItAddressesIsHealthy() {
        Map<String, String> dependencies = dependencies(APP);
        for (Address address : allAddresses()) {
            assertThat(dependencies.get(address.host()))
                    .as("condition on which %s waits for %s, which it reaches through %s", APP, address.host(), address)
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void theDockerProfileDoesNotStartTheLocalStack() {
        assertThat(String.valueOf(dockerProfile.get("vidlog.local-stack.enabled")))
                .as("vidlog.local-stack.enabled in %s", DOCKER_PROFILE)
                .isEqualTo("false");
    }

    @Test
    void theAppRunsTheDockerProfileWithTheApi() {
        assertThat(activeProfiles(APP)).as("SPRING_PROFILES_ACTIVE of %s", APP)
                .contains("docker")
                .doesNotContain("worker");
    }

    @Test
    void theMediaWorkerRunsTheDockerAndWorkerProfiles() {
        assertThat(activeProfiles(MEDIA_WORKER)).as("SPRING_PROFILES_ACTIVE of %s", MEDIA_WORKER)
                .contains("docker", "worker");
    }

    @Test
    void theMediaWorkerCanBeScaledOut() {
        assertThat(service(MEDIA_WORKER)).as("service %s (replicas would collide on a fixed port or name)", MEDIA_WORKER)
                .doesNotContainKeys("ports", "container_name");
    }

    private record Address(String property, String value, String host, int port) {

        @Override
        public String toString() {
            return property + "=" + value;
        }
    }

    private static List<Address> allAddresses() {
        return ADDRESS_PROPERTIES.stream().flatMap(property -> addresses(property).stream()).toList();
    }

    private static List<Address> addresses(String property) {
        List<Address> addresses = values(property).stream().map(value -> address(property, value)).toList();
        assertThat(addresses).as("%s in %s", property, DOCKER_PROFILE).isNotEmpty();
        return addresses;
    }

    /** A property's values, given as a comma-separated string or as a YAML list (flattened to {@code name[i]}). */
    private static List<String> values(String property) {
        Pattern listElement = Pattern.compile(Pattern.quote(property) + "\\[\\d+]");
        List<String> values = new ArrayList<>();
        dockerProfile.forEach((key, value) -> {
            if (key.equals(property) || listElement.matcher(key).matches()) {
                Arrays.stream(String.valueOf(value).split(","))
                        .map(String::strip)
                        .filter(element -> !element.isEmpty())
                        .forEach(values::add);
            }
        });
        return values;
    }

    private static Address address(String property, String value) {
        Map.Entry<String, Integer> portProperty = PORT_PROPERTIES.get(property);
        if (portProperty != null) {
            Object port = dockerProfile.getOrDefault(portProperty.getKey(), portProperty.getValue());
            return new Address(property, value, value, Integer.parseInt(String.valueOf(port)));
        }
        if (value.contains("://")) {
            // A JDBC URL is an ordinary URI once its "jdbc:" prefix is gone.
            URI uri = URI.create(value.replaceFirst("^jdbc:", ""));
            int port = uri.getPort() != -1 ? uri.getPort() : DEFAULT_PORTS.getOrDefault(uri.getScheme(), -1);
            return new Address(property, value, uri.getHost(), port);
        }
        int colon = value.lastIndexOf(':');
        assertThat(colon).as("position of the port in %s=%s", property, value).isPositive();
        return new Address(property, value, value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
    }

    /** The container ports a service declares: its {@code expose} entries and the container side of its {@code ports}. */
    private static Set<Integer> listeningPorts(Map<String, Object> service) {
        Set<Integer> ports = new TreeSet<>();
        for (Object exposed : list(service.get("expose"))) {
            ports.add(port(String.valueOf(exposed)));
        }
        for (Object published : list(service.get("ports"))) {
            if (published instanceof Map<?, ?> longSyntax) {
                ports.add(port(String.valueOf(longSyntax.get("target"))));
            } else {
                String shortSyntax = String.valueOf(published);
                ports.add(port(shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }

    /** {@code 9000} or {@code 9000/tcp}. */
    private static int port(String spec) {
        int slash = spec.indexOf('/');
        return Integer.parseInt(slash < 0 ? spec : spec.substring(0, slash));
    }

    /** A service's dependencies and the condition it waits for, from either form of {@code depends_on}. */
    private static Map<String, String> dependencies(String serviceName) {
        Object dependsOn = service(serviceName).get("depends_on");
        Map<String, String> dependencies = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> longSyntax) {
            longSyntax.forEach((name, settings) -> dependencies.put(String.valueOf(name),
                    settings instanceof Map<?, ?> map && map.get("condition") != null
                            ? String.valueOf(map.get("condition"))
                            : "service_started"));
        } else {
            list(dependsOn).forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
        }
        return dependencies;
    }

    private static List<String> activeProfiles(String serviceName) {
        String profiles = environment(serviceName).getOrDefault("SPRING_PROFILES_ACTIVE", "");
        return Arrays.stream(profiles.split(",")).map(String::strip).filter(profile -> !profile.isEmpty()).toList();
    }

    /** A service's environment, from either the mapping or the {@code KEY=value} list form. */
    private static Map<String, String> environment(String serviceName) {
        Object environment = service(serviceName).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> mapping) {
            mapping.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
        } else {
            for (Object entry : list(environment)) {
                String[] variable = String.valueOf(entry).split("=", 2);
                variables.put(variable[0], variable.length > 1 ? variable[1] : "");
            }
        }
        return variables;
    }

    private static Map<String, Object> service(String name) {
        assertThat(services.keySet()).as("services of %s", COMPOSE_FILE).contains(name);
        return map(services.get(name));
    }

    private static void flatten(String prefix, Object node, Map<String, Object> properties) {
        if (node instanceof Map<?, ?> mapping) {
            mapping.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key,
                    value, properties));
        } else if (node instanceof List<?> sequence) {
            for (int i = 0; i < sequence.size(); i++) {
                flatten(prefix + "[" + i + "]", sequence.get(i), properties);
            }
        } else if (node != null) {
            properties.put(prefix, node);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node) {
        return node == null ? List.of() : (List<?>) node;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
