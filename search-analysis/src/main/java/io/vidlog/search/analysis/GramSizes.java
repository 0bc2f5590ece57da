package io.vidlog.search.analysis;

/**
 * The smallest and largest n-gram an n-gram filter emits, checked when the filter is configured so a wrong pair
 * fails the index creation with the filter's name instead of the first indexed document.
 */
record GramSizes(String filter, int min, int max) {

    GramSizes {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException(filter + ": min_gram must be at least 1 and max_gram at least min_gram,"
                    + " not [" + min + ", " + max + "]");
        }
    }
}
