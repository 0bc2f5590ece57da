package io.vidlog.api.taste;

/** A viewer's taste scores per tag, highest first; answered with {@link Preferences}. */
public record FetchPreferencesQuery(String userId, int limit) {
}
