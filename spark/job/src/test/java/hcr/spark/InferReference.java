package hcr.spark;

import hcr.engine.CsvResults;
import hcr.engine.EngineSettings;
import hcr.engine.ImageSource;
import hcr.engine.InferenceEngine;
import hcr.engine.ProgressListener;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.Recogniser;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ScoringModel;
import java.nio.file.Path;

/** What {@code hcr infer} writes for a tree: the real engine and CSV writer, run in the test. */
final class InferReference {
    static final Path MODEL = Path.of(System.getProperty("hcr.home", "../..")).resolve("onnx/hcr.onnx");

    private InferReference() {
    }

    /** {@code hcr infer --input root [--recursive] --top K --charset SET --output dir/predictions.csv}. */
    static Path write(Path root, boolean recursive, int top, String charset, Path dir) {
        Path predictions = dir.resolve(ResultFiles.PREDICTIONS);
        try (ScoringModel model = Backends.named("onnx").load(MODEL, new BackendOptions(1))) {
            Recogniser core = Recogniser.of(model, EmnistTranslator.withDefaults(), Charset.parse(charset), top);
            try (CsvResults csv = new CsvResults(predictions, core.labeller().candidateCount())) {
                new InferenceEngine(core, new EngineSettings(EngineSettings.DEFAULT_BATCH_SIZE, 2, top,
                        EngineSettings.DEFAULT_IMAGE_TIMEOUT)).run(ImageSource.of(root, recursive), csv, ProgressListener.NONE);
                csv.commit();
            }
        }
        return dir;
    }

    static JobOptions job(String input, String output, boolean recursive, int top, String charset, int perPartition) {
        return new JobOptions(input, output, MODEL.toString(), recursive, null, perPartition, 256L << 20,
                new ScoringSettings("onnx", charset, top, EngineSettings.DEFAULT_BATCH_SIZE, 50_000_000L));
    }
}
