package io.vidlog.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one runnable Vidlog application: every module's beans, wired together. */
@SpringBootApplication(scanBasePackages = "io.vidlog")
@ConfigurationPropertiesScan("io.vidlog")
public class VidlogApplication {

    public static void main(String[] args) {
        SpringApplication.run(VidlogApplication.class, args);
    }
}
