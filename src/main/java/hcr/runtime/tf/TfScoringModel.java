package hcr.runtime.tf;

import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.ImageBatch;
import hcr.runtime.ModelCard;
import hcr.runtime.ModelException;
import hcr.runtime.ScoringModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TFloat32;

/**
 * A SavedModel loaded for scoring through its {@code serving_default} signature.
 * Thread-safe: a TF session may run from several threads, and each call owns its tensors.
 */
final class TfScoringModel implements ScoringModel {
    static final String SIGNATURE = "serving_default";
    static final String TAG = "serve";

    private final SavedModelBundle bundle;
    private final SessionFunction function;
    private final ModelCard card;

    private TfScoringModel(SavedModelBundle bundle, SessionFunction function, ModelCard card) {
        this.bundle = bundle;
        this.function = function;
        this.card = card;
    }

    static TfScoringModel load(Path dir, BackendOptions options) {
        checkLayout(dir);
        ModelCard card = ModelCard.read(dir.resolve(ModelCard.FILE_NAME));
        SavedModelBundle bundle = openBundle(dir, options);
        try {
            SessionFunction function = servingFunction(bundle, dir);
            SignatureCheck.of(function.signature(), dir).requireContract(card);
            return new TfScoringModel(bundle, function, card);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static void checkLayout(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelException("TensorFlow model directory not found: " + dir
                    + " (train one with 'hcr train', or pass --model DIR pointing at a SavedModel directory)");
        }
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new ModelException(dir + " is not a SavedModel directory: saved_model.pb is missing");
        }
        if (!Files.isRegularFile(dir.resolve(ModelCard.FILE_NAME))) {
            throw new ModelException("model card not found: " + dir.resolve(ModelCard.FILE_NAME)
                    + " (every hcr model directory carries one; it names the labels)");
        }
    }

    private static SavedModelBundle openBundle(Path dir, BackendOptions options) {
        // Grappler's rewrites buy nothing on this small, already-lean graph (same batch-256 speed,
        // measured) but cost 0.2-0.3 s on the first call: a third of a one-picture run.
        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(Math.max(0, options.intraOpThreads()))
                .setInterOpParallelismThreads(1)
                .setGraphOptions(GraphOptions.newBuilder()
                        .setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true)))
                .build();
        try {
            return SavedModelBundle.loader(dir.toString()).withTags(TAG).withConfigProto(config).load();
        } catch (RuntimeException e) {
            // TF reports a corrupt or foreign file as one of its own exceptions; the user needs the path.
            throw new ModelException("cannot load SavedModel " + dir + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static SessionFunction servingFunction(SavedModelBundle bundle, Path dir) {
        try {
            return bundle.function(SIGNATURE);
        } catch (IllegalArgumentException e) {
            throw new ModelException("SavedModel " + dir + " has no '" + SIGNATURE + "' signature", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public float[] score(ImageBatch batch) {
        int n = batch.size();
        int classes = card.labels().size();
        float[] probabilities = new float[n * classes];
        if (n == 0) {
            return probabilities;
        }
        Shape shape = Shape.of(n, EmnistTensor.SIDE, EmnistTensor.SIDE, 1);
        try (TFloat32 input = TFloat32.tensorOf(shape, DataBuffers.of(batch.pixels()));
             Result result = function.call(Map.of(ModelCard.INPUT, input))) {
            Tensor output = result.get(ModelCard.OUTPUT)
                    .orElseThrow(() -> new ModelException("model returned no '" + ModelCard.OUTPUT + "' output"));
            ((TFloat32) output).copyTo(DataBuffers.of(probabilities, false, false));
        }
        return probabilities;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
