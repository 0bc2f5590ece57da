package io.vidlog.api.engagement;

/** The reactions a viewer can give through the API (clearing one is a DELETE, not a type). */
public enum ReactionType {
    LIKE(Reaction.LIKE),
    DISLIKE(Reaction.DISLIKE),
    SUPERLIKE(Reaction.SUPERLIKE);

    private final Reaction reaction;

    ReactionType(Reaction reaction) {
        this.reaction = reaction;
    }

    public Reaction reaction() {
        return reaction;
    }
}
