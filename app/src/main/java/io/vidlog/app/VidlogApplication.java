package io.vidlog.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one runnable Vidlog application: every module's beans, wired together. All of {@code io.vidlog} is an
 * auto-configuration package, so each module's JPA entities and repositories are found, not only the app's.
 */
@SpringBootApplication(scanBasePackages = "io.vidlog")
@AutoConfigurationPackage(basePackages = "io.vidlog")
@ConfigurationPropertiesScan("io.vidlog")
public class VidlogApplication {

    public static void main(String[] args) {
        SpringApplication.run(VidlogApplication.class, args);
    }
}
