package hcr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hcr.OutsideTool;
import hcr.image.EmnistTensor;
import hcr.runtime.ModelCard;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported file is ordinary ONNX: the ONNX project's own checker accepts it, and a runtime
 * outside the JVM (onnxruntime-node) scores it like TensorFlow. Each check skips when its tool is
 * absent (tools/install-check-tools.sh installs both).
 */
class OutsideRuntimesTest {
    private static final Path NODE_CHECK = Path.of("tools/node-check");

    @TempDir
    static Path dir;
    static Path savedModel;
    static Path onnxFile;

    @BeforeAll
    static void exportModel() {
        // The shipped files when present (what users download), else a fresh export of the test CNN.
        if (Files.isRegularFile(HoldoutParityTest.SHIPPED_ONNX) && Files.isDirectory(HoldoutParityTest.SHIPPED_SAVED_MODEL)) {
            savedModel = HoldoutParityTest.SHIPPED_SAVED_MODEL;
            onnxFile = HoldoutParityTest.SHIPPED_ONNX;
            return;
        }
        savedModel = CnnSavedModel.write(dir.resolve("saved_model"));
        onnxFile = dir.resolve("hcr.onnx");
        OnnxExporter.export(savedModel, onnxFile);
    }

    @Test
    void onnxCheckerAcceptsTheFileWithFullCheck() throws Exception {
        // Probed and run outside the repo root, where the onnx/ model folder would pass for the package.
        OutsideTool.Run probe = OutsideTool.pythonOnnx(dir, Map.of());
        assumeTrue(probe.ok(), "python3 with the onnx package (Debian: python3-onnx) is absent: skipping (" + probe.output() + ")");
        OutsideTool.Run check = OutsideTool.run(List.of(probe.program().toString(), Path.of("tools/check_onnx.py").toAbsolutePath().toString(),
                onnxFile.toAbsolutePath().toString()), dir, Map.of());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("ir_version=8", "('ai.onnx', 17)", "('image', ['N', 28, 28, 1])",
                "('probabilities', ['N', 62])");
    }

    @Test
    void onnxRuntimeForNodeScoresLikeTensorFlow() throws Exception {
        OutsideTool.Run probe = OutsideTool.nodeOnnxRuntime(NODE_CHECK, Map.of());
        assumeTrue(probe.ok(), "node with onnxruntime-node (tools/install-check-tools.sh) is absent: skipping ("
                + probe.output().lines().findFirst().orElse("") + ")");
        int n = 16;
        float[] images = OnnxReference.randomImages(n, 11);
        Path imagesFile = dir.resolve("images.f32");
        ByteBuffer bytes = ByteBuffer.allocate(images.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(images);
        Files.write(imagesFile, bytes.array());

        OutsideTool.Run scored = OutsideTool.run(List.of("node", NODE_CHECK.resolve("check.js").toAbsolutePath().toString(),
                onnxFile.toAbsolutePath().toString(), imagesFile.toAbsolutePath().toString(), Integer.toString(n)),
                Path.of("").toAbsolutePath(), Map.of());

        assertThat(scored.exitCode()).as(scored.output()).isZero();
        JsonNode json = new ObjectMapper().readTree(scored.output());
        assertThat(json.get("input").asText()).isEqualTo(ModelCard.INPUT);
        assertThat(json.get("output").asText()).isEqualTo(ModelCard.OUTPUT);
        float[] node = new float[json.get("probabilities").size()];
        for (int i = 0; i < node.length; i++) {
            node[i] = (float) json.get("probabilities").get(i).asDouble();
        }
        float[] tf = TfReference.score(savedModel, images);
        assertThat(node).hasSize(n * CnnSavedModel.CLASSES);
        assertThat(OnnxReference.maxAbsDifference(tf, node)).isLessThanOrEqualTo(1e-5);
    }
}
