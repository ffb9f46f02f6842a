package hcr.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import hcr.StartupTrace;
import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.ImageBatch;
import hcr.runtime.ModelCard;
import hcr.runtime.ModelException;
import hcr.runtime.ScoringModel;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * One ONNX Runtime session, created once and shared by every batch (ORT sessions are thread-safe).
 * The model's input and output are checked against hcr's contract and its labels when it loads,
 * so a wrong file fails before any image is read.
 */
final class OnnxScoringModel implements ScoringModel {
    private static final long[] INPUT_SHAPE = {-1, EmnistTensor.SIDE, EmnistTensor.SIDE, 1};

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelCard card;
    private final int classes;

    private OnnxScoringModel(OrtEnvironment env, OrtSession session, ModelCard card) {
        this.env = env;
        this.session = session;
        this.card = card;
        this.classes = card.labels().size();
    }

    static OnnxScoringModel load(Path file, BackendOptions options) {
        if (Files.isRegularFile(file.resolve("saved_model.pb"))) {
            throw new ModelException(file + " is a TensorFlow SavedModel directory, not an ONNX file: use --backend tf"
                    + " (or give the .onnx file)");
        }
        if (Files.isDirectory(file)) {
            throw new ModelException("ONNX model " + file + " is a directory, not an .onnx file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelException("ONNX model not found: " + file);
        }
        OrtEnvironment env = environment();
        StartupTrace.mark("onnx runtime loaded");
        OrtSession session = open(env, file, options);
        StartupTrace.mark("onnx session created");
        try {
            ModelCard card = OnnxModelLabels.card(file, session);
            StartupTrace.mark("model card read");
            checkSignature(file, session, card.labels().size());
            return new OnnxScoringModel(env, session, card);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * The process's one ORT environment, with telemetry off: ONNX Runtime otherwise keeps a device
     * id and a queue of usage events under ~/.cache/Microsoft (or {@code :memory:.ses} in the working
     * directory when HOME is not writable). Turned off before the first session is created.
     */
    static OrtEnvironment environment() {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            env.setTelemetry(false);
        } catch (OrtException e) {
            throw new ModelException("cannot turn ONNX Runtime's telemetry off: " + e.getMessage(), e);
        }
        return env;
    }

    private static OrtSession open(OrtEnvironment env, Path file, BackendOptions options) {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            return env.createSession(file.toString(), so);
        } catch (OrtException e) {
            throw new ModelException("cannot load ONNX model " + file + " (truncated or not an ONNX file?): " + e.getMessage(), e);
        }
    }

    private static void checkSignature(Path file, OrtSession session, int classes) {
        try {
            long[] in = tensorShape(file, session.getInputInfo(), ModelCard.INPUT, "input");
            if (in.length != 4 || in[1] != INPUT_SHAPE[1] || in[2] != INPUT_SHAPE[2] || in[3] != INPUT_SHAPE[3]) {
                throw new ModelException("ONNX model " + file + " takes '" + ModelCard.INPUT + "' of shape "
                        + Arrays.toString(in) + "; hcr needs [N,28,28,1]");
            }
            long[] out = tensorShape(file, session.getOutputInfo(), ModelCard.OUTPUT, "output");
            if (out.length != 2 || out[1] != classes) {
                throw new ModelException("ONNX model " + file + " gives '" + ModelCard.OUTPUT + "' of shape "
                        + Arrays.toString(out) + " but its card lists " + classes + " labels");
            }
        } catch (OrtException e) {
            throw new ModelException("cannot inspect ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    private static long[] tensorShape(Path file, Map<String, NodeInfo> infos, String name, String what) {
        NodeInfo info = infos.get(name);
        if (info == null) {
            throw new ModelException("ONNX model " + file + " has no " + what + " '" + name + "'; it has " + infos.keySet());
        }
        if (!(info.getInfo() instanceof TensorInfo tensor) || tensor.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw new ModelException("ONNX model " + file + ": " + what + " '" + name + "' is " + info.getInfo()
                    + ", not a float32 tensor");
        }
        return tensor.getShape();
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public float[] score(ImageBatch batch) {
        int n = batch.size();
        if (n == 0) {
            return new float[0];
        }
        // The batch's direct buffer goes to native code as is: no copy of the pixels.
        try (OnnxTensor input = OnnxTensor.createTensor(env, batch.pixels(), new long[] {n, EmnistTensor.SIDE, EmnistTensor.SIDE, 1});
             OrtSession.Result result = session.run(Map.of(ModelCard.INPUT, input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] probabilities = new float[n * classes];
            out.get(probabilities);
            return probabilities;
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed to score a batch of " + n + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Nothing left to release that the caller could act on.
        }
    }
}
