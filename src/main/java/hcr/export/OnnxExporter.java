package hcr.export;

import hcr.io.AtomicWrite;

import hcr.export.onnx.proto.GraphProto;
import hcr.export.onnx.proto.ModelProto;
import hcr.export.onnx.proto.OperatorSetIdProto;
import hcr.export.onnx.proto.StringStringEntryProto;
import hcr.runtime.ModelCard;
import hcr.runtime.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exports a SavedModel (with its model card inside) to one self-describing ONNX file, plus a copy of
 * the card beside it. Called by {@code hcr export --format onnx} and at the end of {@code hcr train --export onnx}.
 */
public final class OnnxExporter {
    public static final int IR_VERSION = 8;
    public static final int OPSET = 17;
    public static final String PRODUCER = "hcr";

    /** Metadata keys, so another platform can use the file without hcr. */
    public static final String META_LABELS = "labels";
    public static final String META_PREPROCESSING = "preprocessing";
    public static final String META_INPUT = "input";
    public static final String META_MODEL_CARD = "model_card";
    public static final String META_HCR_VERSION = "hcr_version";

    private OnnxExporter() {
    }

    /**
     * @param savedModelDir a SavedModel directory holding {@value ModelCard#FILE_NAME}
     * @param onnxFile      the file to write (replaced atomically); the card is written beside it as
     *                      {@code <name>.model-card.json}
     * @throws UnsupportedOpException when the graph uses an op without an ONNX translation
     * @throws ExportException        when the model is not an hcr model or cannot be written
     */
    public static ExportSummary export(Path savedModelDir, Path onnxFile) {
        ModelCard card;
        ModelProto model;
        try (ServingGraph tf = ServingGraph.open(savedModelDir)) {
            card = readCard(savedModelDir);
            GraphProto graph = TfToOnnxConverter.convert(tf, card.labels().size(),
                    "Converted op by op from the TensorFlow SavedModel's serving_default signature.");
            model = wrap(graph, card);
        }
        byte[] bytes = model.toByteArray();
        writeAtomically(onnxFile, bytes);
        card.write(siblingCard(onnxFile));
        return new ExportSummary(onnxFile, bytes.length, model.getGraph().getNodeCount(),
                model.getGraph().getInitializerCount(), card.labels().size());
    }

    /** What an export wrote. */
    public record ExportSummary(Path file, long bytes, int nodes, int initializers, int classes) {
    }

    static ModelProto wrap(GraphProto graph, ModelCard card) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(hcrVersion())
                .setDomain("dev.hcr")
                .setModelVersion(1)
                .setDocString("hcr handwritten character recogniser (EMNIST ByClass). Input '" + ModelCard.INPUT
                        + "': float32 [N,28,28,1], upright, ink light (1) on dark (0). Output '" + ModelCard.OUTPUT
                        + "': float32 [N," + card.labels().size() + "], softmax over the labels in metadata 'labels'.")
                .setGraph(graph);
        metadata(card).forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    private static Map<String, String> metadata(ModelCard card) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(META_LABELS, String.join("", card.labels()));
        meta.put(META_INPUT, ModelCard.INPUT + ": float32 [N,28,28,1], row-major, upright, ink light (1.0) on dark (0.0)");
        meta.put(META_PREPROCESSING, card.preprocessing() == null ? ModelCard.PREPROCESSING : card.preprocessing());
        meta.put(META_MODEL_CARD, card.toJson());
        meta.put(META_HCR_VERSION, hcrVersion());
        return meta;
    }

    private static ModelCard readCard(Path savedModelDir) {
        Path file = savedModelDir.resolve(ModelCard.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ExportException("no model card in " + savedModelDir + ": " + ModelCard.FILE_NAME
                    + " gives the labels the ONNX file must carry");
        }
        ModelCard card = ModelCard.read(file);
        // The labels travel as one string in the metadata, one character per class.
        if (card.labels().stream().anyMatch(l -> l.codePointCount(0, l.length()) != 1)) {
            throw new ExportException("model card " + file + " has a label that is not one character: " + card.labels());
        }
        return card;
    }

    static Path siblingCard(Path onnxFile) {
        return ModelFiles.cardBeside(onnxFile);
    }

    static String hcrVersion() {
        String v = OnnxExporter.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        try {
            AtomicWrite.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new ExportException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
