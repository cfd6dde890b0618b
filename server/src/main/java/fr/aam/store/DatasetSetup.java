package fr.aam.store;

import org.apache.jena.sparql.util.Context;

/**
 * Settings every served dataset carries in its context (query timeout, SERVICE policy, safe regex…), applied to each
 * generation as it opens. Other packages provide these as beans; the store does not need to know what they set.
 */
@FunctionalInterface
public interface DatasetSetup {
    void apply(Context datasetContext);
}
