package io.vidlog.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * Things an operator should see about a start, such as processes a killed earlier run left behind. The stack starts
 * before the application's logging is set up, so these are kept here for the environment post-processor to log
 * once it can.
 */
final class StartupNotices {

    private static final List<String> NOTICES = new ArrayList<>();

    private StartupNotices() {
    }

    static synchronized void record(String notice) {
        NOTICES.add(notice);
    }

    /** The notices recorded since the last call. */
    static synchronized List<String> drain() {
        List<String> drained = List.copyOf(NOTICES);
        NOTICES.clear();
        return drained;
    }
}
