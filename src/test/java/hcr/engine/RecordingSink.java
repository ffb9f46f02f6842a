package hcr.engine;

import hcr.recognise.Candidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Remembers every result in order, as "path=char" or "path!reason". */
final class RecordingSink implements PredictionSink {
    final List<String> events = new ArrayList<>();
    final List<Prediction> predictions = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    @Override
    public void predicted(Prediction prediction) {
        predictions.add(prediction);
        events.add(prediction.path() + "=" + prediction.best().character());
    }

    @Override
    public void failed(Path path, String reason) {
        failures.add(path + "!" + reason);
        events.add(path + "!" + reason);
    }
}
