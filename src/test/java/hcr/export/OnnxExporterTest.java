package hcr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.data.LabelMap;
import hcr.export.onnx.proto.ModelProto;
import hcr.export.onnx.proto.NodeProto;
import hcr.export.onnx.proto.StringStringEntryProto;
import hcr.export.onnx.proto.TensorShapeProto;
import hcr.runtime.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExporterTest {
    @TempDir
    static Path shared;
    static Path savedModel;
    static Path onnxFile;
    static ModelProto model;

    @TempDir
    Path dir;

    @BeforeAll
    static void exportModel() throws IOException {
        savedModel = CnnSavedModel.write(shared.resolve("saved_model"));
        onnxFile = shared.resolve("out/hcr.onnx");
        OnnxExporter.export(savedModel, onnxFile);
        model = ModelProto.parseFrom(Files.readAllBytes(onnxFile));
    }

    @Test
    void declaresIrVersion8AndOpset17() {
        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImportList()).singleElement()
                .satisfies(o -> assertThat(o.getVersion()).isEqualTo(17));
        assertThat(model.getProducerName()).isEqualTo("hcr");
        assertThat(model.getDocString()).contains("[N,28,28,1]");
    }

    @Test
    void takesTheSameInputAsTheSavedModelWithASymbolicBatch() {
        assertThat(model.getGraph().getInputList()).singleElement().satisfies(in -> {
            assertThat(in.getName()).isEqualTo(ModelCard.INPUT);
            List<TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
            assertThat(dims).extracting(TensorShapeProto.Dimension::getDimParam).containsExactly("N", "", "", "");
            assertThat(dims).extracting(TensorShapeProto.Dimension::getDimValue).containsExactly(0L, 28L, 28L, 1L);
        });
        assertThat(model.getGraph().getOutputList()).singleElement().satisfies(out -> {
            assertThat(out.getName()).isEqualTo(ModelCard.OUTPUT);
            assertThat(out.getType().getTensorType().getShape().getDim(1).getDimValue()).isEqualTo(62);
        });
    }

    @Test
    void translatesOpByOpWithASingleTransposeAtTheInput() {
        List<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertThat(ops).containsExactly("Transpose", "Conv", "Add", "Relu", "MaxPool", "Conv", "Add", "Relu", "MaxPool",
                "Flatten", "MatMul", "Add", "Relu", "MatMul", "Add", "Softmax");
        assertThat(model.getGraph().getNode(0).getInput(0)).isEqualTo(ModelCard.INPUT);
    }

    @Test
    void carriesLabelsPreprocessingAndTheModelCardInItsMetadata() {
        Map<String, String> meta = model.getMetadataPropsList().stream()
                .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertThat(meta.get(OnnxExporter.META_LABELS)).isEqualTo(LabelMap.byClass().toString());
        assertThat(meta.get(OnnxExporter.META_PREPROCESSING)).isEqualTo(ModelCard.PREPROCESSING);
        assertThat(meta.get(OnnxExporter.META_MODEL_CARD)).contains("\"cnn-test\"");
        assertThat(meta).containsKeys(OnnxExporter.META_INPUT, OnnxExporter.META_HCR_VERSION);
    }

    @Test
    void writesTheModelCardBesideTheOnnxFile() {
        assertThat(ModelCard.read(hcr.runtime.ModelFiles.cardBeside(onnxFile)))
                .isEqualTo(ModelCard.read(savedModel.resolve(ModelCard.FILE_NAME)));
    }

    @Test
    void namesAnOpItCannotTranslate() {
        Path withTanh = CnnSavedModel.write(dir.resolve("tanh"), 28, true, 62);
        assertThatThrownBy(() -> OnnxExporter.export(withTanh, dir.resolve("tanh.onnx")))
                .isInstanceOf(UnsupportedOpException.class)
                .hasMessageMatching("TF op 'Tanh' \\(node '.+'\\) has no ONNX translation");
        assertThat(dir.resolve("tanh.onnx")).doesNotExist();
    }

    @Test
    void refusesAModelWhoseInputIsNot28By28() {
        Path wide = CnnSavedModel.write(dir.resolve("wide"), 32, false, 62);
        assertThatThrownBy(() -> OnnxExporter.export(wide, dir.resolve("wide.onnx")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("has shape [-1, 32, 32, 1]; hcr models take float32 [N,28,28,1]");
    }

    @Test
    void refusesAModelWhoseOutputDoesNotMatchItsCard() {
        Path mismatched = CnnSavedModel.write(dir.resolve("mismatch"), 28, false, 10);
        assertThatThrownBy(() -> OnnxExporter.export(mismatched, dir.resolve("m.onnx")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("expected [N,10]");
    }

    @Test
    void refusesADirectoryThatIsNotASavedModel() {
        assertThatThrownBy(() -> OnnxExporter.export(dir, dir.resolve("x.onnx")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("saved_model.pb is missing");
    }

    @Test
    void refusesASavedModelWithoutItsCard() throws IOException {
        Path noCard = CnnSavedModel.write(dir.resolve("nocard"));
        Files.delete(noCard.resolve(ModelCard.FILE_NAME));
        assertThatThrownBy(() -> OnnxExporter.export(noCard, dir.resolve("x.onnx")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("no model card");
    }
}
