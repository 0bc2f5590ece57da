package io.vidlog.search.analysis;

/**
 * The smallest and largest n-gram an n-gram tokenizer or filter emits, checked when it is configured so a wrong pair
 * fails the index creation with the component's name instead of the first indexed document.
 */
record GramSizes(String component, int min, int max) {

    GramSizes {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException(component + ": min_gram must be at least 1 and max_gram at least min_gram,"
                    + " not [" + min + ", " + max + "]");
        }
    }
}
