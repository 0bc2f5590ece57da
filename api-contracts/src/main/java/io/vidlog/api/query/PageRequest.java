package io.vidlog.api.query;

/** Which page of a list a query asks for; validated at the REST boundary (page ≥ 0, 1 ≤ size ≤ {@link #MAX_SIZE}). */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final String DEFAULT_SIZE = "20";

    public long offset() {
        return (long) page * size;
    }
}
