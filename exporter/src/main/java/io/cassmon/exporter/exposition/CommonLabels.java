package io.cassmon.exporter.exposition;

import java.util.Collections;
import java.util.List;

/** Labels every exported sample carries after its own (e.g. the node's cluster, dc and rack). */
public interface CommonLabels {
    CommonLabels NONE = new CommonLabels() {
        @Override
        public List<String> names() {
            return Collections.emptyList();
        }

        @Override
        public List<String> values() {
            return null;
        }
    };

    List<String> names();

    /** The values, in the order of {@link #names()}; null while they are not known (then no sample carries them). */
    List<String> values();
}
