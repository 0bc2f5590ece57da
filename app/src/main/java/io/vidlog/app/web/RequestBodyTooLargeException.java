package io.vidlog.app.web;

import java.io.IOException;

/**
 * A request body grew past the limit while it was being read (its length was not announced up front). An
 * {@link IOException}, so that it travels out of the JSON reader like any other failed read.
 */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long maxBytes) {
        super(RequestBodyLimitFilter.detail(maxBytes));
    }
}
