package io.vidlog.projection.search;

/** Elasticsearch did not answer, or holds no index yet (it is being rebuilt): a passing condition, not a bug. */
public class SearchUnavailableException extends RuntimeException {

    SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
