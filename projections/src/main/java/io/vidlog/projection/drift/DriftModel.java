package io.vidlog.projection.drift;

import java.util.Map;
import java.util.Set;

/**
 * One read model recomputed from the events by code independent of its projection, as facts (video X has 3 likes)
 * that can be compared with the live read model's.
 */
public interface DriftModel {

    /** What a value is about: an entity (a video or user id, as the read model is keyed) and a name. */
    record Fact(String entity, String name) implements Comparable<Fact> {

        @Override
        public int compareTo(Fact other) {
            int byEntity = entity.compareTo(other.entity);
            return byEntity != 0 ? byEntity : name.compareTo(other.name);
        }

        @Override
        public String toString() {
            return entity + " " + name;
        }
    }

    /** Applies one event, in the order of the event store. */
    void apply(Object event);

    /**
     * The entity (a video or user id, as the facts are keyed) whose facts {@code event} changes, or null. Used to
     * leave out entities that moved on while the check ran.
     */
    String entityOf(Object event);

    /** The facts computed from the applied events, for the entities in scope. */
    Map<Fact, String> expected();

    /** The same facts as the live read model holds them, for the entities in scope. */
    Map<Fact, String> live();

    /** Scope of a check: every entity, or a sample. */
    record Scope(Set<String> entities) {

        public static final Scope ALL = new Scope(null);

        public boolean includes(String entity) {
            return entities == null || entities.contains(entity);
        }

        public boolean isAll() {
            return entities == null;
        }
    }
}
