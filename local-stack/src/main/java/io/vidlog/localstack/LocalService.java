package io.vidlog.localstack;

import java.util.Map;

/** One real service that the local stack runs on this machine when it is not configured externally. */
interface LocalService {

    /** Name used in logs and in the {@code vidlog.local-stack.<name>.*} properties. */
    String name();

    /** Starts the service and returns once it answers requests. */
    void start() throws Exception;

    /** The Spring properties that point the application at this service. */
    Map<String, Object> springProperties();

    /** Stops the service; data stays in its folder. */
    void stop();
}
