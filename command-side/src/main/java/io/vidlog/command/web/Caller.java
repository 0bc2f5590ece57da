package io.vidlog.command.web;

/**
 * The authenticated user a request comes from, resolved by {@link CallerArgumentResolver}.
 *
 * @param userId the token's subject
 * @param admin  whether the user has the ADMIN role
 */
public record Caller(String userId, boolean admin) {
}
