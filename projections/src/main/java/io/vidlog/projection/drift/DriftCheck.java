package io.vidlog.projection.drift;

import java.util.List;

/** The drift check of one processing group: how to sample it and how to recompute it. */
public interface DriftCheck {

    String group();

    /** Up to {@code size} entity ids of the live read model, chosen at random. */
    List<String> sample(int size);

    DriftModel newModel(DriftModel.Scope scope);
}
