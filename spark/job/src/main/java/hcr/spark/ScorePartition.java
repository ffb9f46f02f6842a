package hcr.spark;

import hcr.engine.CsvRows;
import hcr.image.ImageRejectedException;
import hcr.recognise.Outcome;
import hcr.recognise.Picture;
import hcr.recognise.Recogniser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * Scores one partition: reads its pictures a batch at a time, hands each batch to the recognition
 * core (the same {@link Recogniser} {@code hcr infer} runs) and formats one CSV row per input, in
 * input order. Only one batch of pictures is in memory at a time.
 */
final class ScorePartition implements FlatMapFunction<Iterator<Listed>, ScoredRow> {
    private final Broadcast<ModelFiles> model;
    private final ScoringSettings settings;
    private final PictureReader reader;

    ScorePartition(Broadcast<ModelFiles> model, ScoringSettings settings, PictureReader reader) {
        this.model = model;
        this.settings = settings;
        this.reader = reader;
    }

    @Override
    public Iterator<ScoredRow> call(Iterator<Listed> inputs) {
        TaskContext task = TaskContext.get();
        Recogniser core = ExecutorModels.recogniser(model.value(), settings, task == null ? 1 : task.cpus());
        return new Rows(inputs, core);
    }

    /** The partition's rows, scored a batch ahead of the reader. */
    private final class Rows implements Iterator<ScoredRow> {
        private final Iterator<Listed> inputs;
        private final Recogniser core;
        private final int columns;
        private final ArrayDeque<ScoredRow> ready = new ArrayDeque<>();

        Rows(Iterator<Listed> inputs, Recogniser core) {
            this.inputs = inputs;
            this.core = core;
            this.columns = core.labeller().candidateCount();
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && inputs.hasNext()) {
                scoreNextBatch();
            }
            return !ready.isEmpty();
        }

        @Override
        public ScoredRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void scoreNextBatch() {
            List<Listed> batch = new ArrayList<>(settings.batchSize());
            while (batch.size() < settings.batchSize() && inputs.hasNext()) {
                batch.add(inputs.next());
            }
            // Inputs that fail before decoding keep their place: problems[i] != null.
            String[] problems = new String[batch.size()];
            List<Picture> pictures = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Listed input = batch.get(i);
                problems[i] = input.problem() != null ? input.problem() : read(input, pictures);
            }
            Iterator<Outcome> outcomes = core.recognise(pictures).iterator();
            for (int i = 0; i < batch.size(); i++) {
                String shown = batch.get(i).shown();
                ready.add(problems[i] != null ? failed(shown, problems[i]) : row(shown, outcomes.next()));
            }
        }

        /** Adds the picture's bytes to {@code pictures}; returns null, or why it cannot be read. */
        private String read(Listed input, List<Picture> pictures) {
            try {
                pictures.add(new Picture(input.shown(), reader.read(input.uri())));
                return null;
            } catch (ImageRejectedException e) {
                return Recogniser.reasonFor(e);
            }
        }

        private ScoredRow row(String shown, Outcome outcome) {
            if (outcome instanceof Outcome.Recognised r) {
                return new ScoredRow(false, CsvRows.line(CsvRows.prediction(shown, r.recognition().candidates(), columns)));
            }
            return failed(shown, ((Outcome.Failed) outcome).reason());
        }

        private ScoredRow failed(String shown, String reason) {
            return new ScoredRow(true, CsvRows.line(CsvRows.error(shown, reason)));
        }
    }
}
