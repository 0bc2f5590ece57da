package io.vidlog.search.analysis;

import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Stands in for Elasticsearch's injection of an {@code @AnalysisSettings} interface: each method answers the value
 * given for its setting's path, else the default its annotation declares, so tests exercise the declared defaults.
 */
final class IndexSettings {

    private IndexSettings() {
    }

    static <T> T defaults(Class<T> settings) {
        return of(settings, Map.of());
    }

    static <T> T of(Class<T> settings, Map<String, Object> values) {
        return settings.cast(Proxy.newProxyInstance(settings.getClassLoader(), new Class<?>[] {settings},
                (proxy, method, args) -> values.getOrDefault(path(method), defaultValue(method))));
    }

    private static String path(Method method) {
        IntSetting intSetting = method.getAnnotation(IntSetting.class);
        return intSetting != null ? intSetting.path() : method.getAnnotation(StringSetting.class).path();
    }

    private static Object defaultValue(Method method) {
        IntSetting intSetting = method.getAnnotation(IntSetting.class);
        return intSetting != null ? intSetting.defaultValue() : method.getAnnotation(StringSetting.class).defaultValue();
    }
}
