package hcr.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExportParityTest {
    @TempDir
    Path dir;

    @Test
    void onnxRuntimeGivesTensorFlowsProbabilitiesOnRandomImages() {
        Path savedModel = CnnSavedModel.write(dir.resolve("saved_model"));
        Path onnxFile = dir.resolve("onnx/hcr.onnx");
        OnnxExporter.export(savedModel, onnxFile);
        float[] images = OnnxReference.randomImages(300, 7);

        float[] tf = TfReference.score(savedModel, images);
        float[] onnx = OnnxReference.score(onnxFile, images);

        assertThat(onnx).hasSameSizeAs(tf).hasSize(300 * CnnSavedModel.CLASSES);
        assertThat(OnnxReference.maxAbsDifference(tf, onnx)).isLessThanOrEqualTo(1e-5);
    }
}
