package io.vidlog.app;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on the real local stack, listening on a free port, with metrics exported as in
 * production, in profile {@code local} like {@code ./vidlog run} (dev tokens, dev videos) with {@code it} on top.
 * Every test class with this annotation shares one application context, so the stack starts once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = VidlogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "it"})
@AutoConfigureObservability
public @interface VidlogIntegrationTest {
}
