package io.vidlog.search.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installer trusts {@code named_components.json} instead of scanning the classes, so a component missing from
 * it, or listed under the wrong name or extension point, would be absent from Elasticsearch without any error.
 */
class NamedComponentsTest {

    /** Surefire runs in the module folder. */
    private static final Path NAMED_COMPONENTS = Path.of("src", "main", "plugin", "named_components.json");

    @Test
    void everyListedComponentIsAPublicClassOfItsExtensionPointWithThatName() throws Exception {
        listed().forEach((extensionPoint, components) -> components.forEach((name, className) -> {
            Class<?> component = load(className);
            assertThat(load(extensionPoint)).as("extension point of %s", name).isAssignableFrom(component);
            assertThat(Modifier.isPublic(component.getModifiers())).as("%s is public", className).isTrue();
            assertThat(component.getAnnotation(NamedComponent.class)).as("@NamedComponent of %s", className)
                    .isNotNull()
                    .extracting(NamedComponent::value).isEqualTo(name);
        }));
    }

    @Test
    void everyNamedComponentIsListed() throws Exception {
        Map<String, String> listedByName = new LinkedHashMap<>();
        listed().values().forEach(listedByName::putAll);
        Map<String, String> annotatedByName = new LinkedHashMap<>();
        for (Class<?> type : classesOfThePlugin()) {
            NamedComponent named = type.getAnnotation(NamedComponent.class);
            if (named != null) {
                annotatedByName.put(named.value(), type.getName());
            }
        }
        assertThat(listedByName).isEqualTo(annotatedByName);
    }

    private static Map<String, Map<String, String>> listed() throws IOException {
        return new ObjectMapper().readValue(NAMED_COMPONENTS.toFile(), new TypeReference<>() {
        });
    }

    private static Iterable<Class<?>> classesOfThePlugin() throws IOException, URISyntaxException {
        Path classes = Path.of(NoriTokenizerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packageName = NoriTokenizerFactory.class.getPackageName();
        try (Stream<Path> files = Files.list(classes.resolve(packageName.replace('.', '/')))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".class") && !file.equals("package-info.class"))
                    .<Class<?>>map(file -> load(packageName + "." + file.substring(0, file.length() - ".class".length())))
                    .toList();
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("No class " + className, e);
        }
    }
}
