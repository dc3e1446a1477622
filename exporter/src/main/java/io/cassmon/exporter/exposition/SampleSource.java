package io.cassmon.exporter.exposition;

/** A collector that writes its samples into a {@link SampleSink} itself, instead of building simpleclient samples. */
public interface SampleSource {
    void writeTo(SampleSink sink);
}
