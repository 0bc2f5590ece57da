package io.vidlog.app.security;

/** What a token's {@code roles} claim may grant; each role becomes the authority {@code ROLE_<name>}. */
public enum Role {
    USER, CREATOR, ADMIN;

    public static final String CLAIM = "roles";
    static final String AUTHORITY_PREFIX = "ROLE_";
}
