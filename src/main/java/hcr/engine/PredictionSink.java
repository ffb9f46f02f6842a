package hcr.engine;

import java.nio.file.Path;

/**
 * Where the engine's results go, one call per input in the source's order. The engine calls a
 * sink from one thread only.
 */
public interface PredictionSink {

    void predicted(Prediction prediction);

    /** The input could not be recognised; {@code reason} says why in a few words. */
    void failed(Path path, String reason);

    /** Every result goes to each sink in turn. */
    static PredictionSink all(PredictionSink... sinks) {
        return new PredictionSink() {
            @Override
            public void predicted(Prediction prediction) {
                for (PredictionSink sink : sinks) {
                    sink.predicted(prediction);
                }
            }

            @Override
            public void failed(Path path, String reason) {
                for (PredictionSink sink : sinks) {
                    sink.failed(path, reason);
                }
            }
        };
    }
}
