package io.vidlog.bench.load;

import java.io.IOException;

/** One client's connection to the application: sends a request and waits for the whole response. */
interface Transport extends AutoCloseable {

    /**
     * @param body JSON, or {@code null} for a request without a body
     * @return the response's status code
     */
    int send(String method, String path, String bearerToken, byte[] body) throws IOException, InterruptedException;

    /** The body of the last response, as text. */
    String lastBody();

    @Override
    void close() throws IOException;
}
