package hcr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.data.ImageSet;
import hcr.image.EmnistTensor;
import hcr.runtime.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tensorflow.SavedModelBundle;

class SavedModelTest {
    private static final int IMAGES = 256;

    @TempDir
    static Path dir;
    static Path model;
    static TrainingResult result;
    static ImageSet probeImages;

    @BeforeAll
    static void trainTinyModel() {
        ImageSet training = LearnableImages.generate(320, 1);
        probeImages = LearnableImages.generate(IMAGES, 5);
        result = new Trainer(LearnableImages.TINY_NET, LearnableImages.options(1, 3), null, dir.resolve("checkpoints"),
                TrainingListener.NONE).train(training, LearnableImages.generate(64, 2));
        model = dir.resolve("model");
        ModelWriter.write(model, LearnableImages.TINY_NET, result.best(), card(), false);
    }

    private static ModelCard card() {
        return ModelCards.of(probeImages.labelMap(), LearnableImages.TINY_NET, LearnableImages.options(1, 3),
                Map.of("source", "generated"), result, null);
    }

    @Test
    void aFreshJvmLoadingTheSavedModelReproducesTheTrainingProcessProbabilitiesBitForBit() throws Exception {
        float[] pixels = new float[IMAGES * EmnistTensor.PIXELS];
        for (int i = 0; i < IMAGES; i++) {
            probeImages.copyTo(i, pixels, i * EmnistTensor.PIXELS);
        }
        float[] inProcess;
        try (InferenceGraph graph = new InferenceGraph(LearnableImages.TINY_NET, result.best())) {
            inProcess = graph.probabilities(pixels, IMAGES);
        }
        Path input = dir.resolve("images.bin");
        Path output = dir.resolve("probabilities.bin");
        SavedModelProbe.writeFloats(input, pixels);

        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SavedModelProbe.class.getName(),
                model.toString(), input.toString(), output.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("probe.log").toFile()).start();
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(Files.readString(dir.resolve("probe.log"))).isZero();

        float[] fromSavedModel = SavedModelProbe.readFloats(output);
        assertThat(fromSavedModel).hasSize(IMAGES * 62);
        for (int i = 0; i < inProcess.length; i++) {
            assertThat(Float.floatToRawIntBits(fromSavedModel[i])).as("value %d", i)
                    .isEqualTo(Float.floatToRawIntBits(inProcess[i]));
        }
    }

    @Test
    void theServingGraphUsesOnlyOpsTheOnnxConverterTranslates() {
        Set<String> types = new TreeSet<>();
        try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
            bundle.graph().operations().forEachRemaining(op -> types.add(((GraphOperation) op).type()));
        }
        assertThat(types).isSubsetOf("Placeholder", "Const", "Conv2D", "BiasAdd", "Relu", "MaxPool", "Reshape",
                "MatMul", "Softmax", "Identity", "NoOp", "SaveV2", "RestoreV2", "StringJoin", "ShardedFilename",
                "MergeV2Checkpoints");
        assertThat(types).contains("Conv2D", "MaxPool", "MatMul", "Softmax").doesNotContain("MaxPoolV2");
    }

    @Test
    void theCardBesideTheModelListsLabelsContractAndBestEpochFigures() {
        ModelCard card = ModelCard.read(model.resolve(ModelCard.FILE_NAME));

        assertThat(card.labels()).hasSize(62).startsWith("0", "1").endsWith("z");
        assertThat(card.input()).isEqualTo("image");
        assertThat(card.output()).isEqualTo("probabilities");
        assertThat(card.preprocessing()).isEqualTo(ModelCard.PREPROCESSING);
        assertThat(card.metrics()).containsKeys("trainLoss", "trainAccuracy", "validationLoss", "validationAccuracy");
        assertThat(card.training()).containsKeys("data", "hyperparameters", "bestEpoch", "seconds");
    }

    @Test
    void anExistingModelIsReplacedOnlyWhenAsked() throws Exception {
        assertThatThrownBy(() -> ModelWriter.write(model, LearnableImages.TINY_NET, result.best(), card(), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("exists");

        ModelWriter.write(model, LearnableImages.TINY_NET, result.best(), card(), true);

        assertThat(model.resolve("saved_model.pb")).isRegularFile();
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".model"));
        }
    }
}
