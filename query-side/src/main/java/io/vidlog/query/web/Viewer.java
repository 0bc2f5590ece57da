package io.vidlog.query.web;

/**
 * Who reads: a signed-in user or an anonymous visitor ({@code userId} null), resolved from the servlet request by
 * {@link ViewerArgumentResolver}. Security rules decide which endpoints an anonymous visitor may reach.
 */
public record Viewer(String userId, boolean admin) {

    public boolean isAnonymous() {
        return userId == null;
    }

    /** The signed-in user's id; only for endpoints the security rules close to anonymous visitors. */
    public String requireUserId() {
        if (userId == null) {
            throw new IllegalStateException("An endpoint for signed-in users was reached anonymously");
        }
        return userId;
    }
}
