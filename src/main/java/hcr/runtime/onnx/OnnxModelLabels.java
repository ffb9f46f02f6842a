package hcr.runtime.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import hcr.runtime.ModelCard;
import hcr.runtime.ModelFiles;
import hcr.runtime.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where an ONNX model's labels come from: the model card beside the file ({@code <name>.model-card.json},
 * or {@code model-card.json}), or, for a file copied
 * without its card, the card and labels hcr's exporter stored in the file's metadata.
 */
final class OnnxModelLabels {
    /** Metadata keys written by hcr.export.OnnxExporter (the runtime must not depend on the exporter). */
    static final String META_MODEL_CARD = "model_card";
    static final String META_LABELS = "labels";

    private OnnxModelLabels() {
    }

    static ModelCard card(Path file, OrtSession session) {
        // Its own card first (hcr.onnx → hcr.model-card.json), then the one card a directory had before
        // exports named theirs (the shipped onnx/model-card.json).
        for (Path beside : List.of(ModelFiles.cardBeside(file), file.toAbsolutePath().resolveSibling(ModelCard.FILE_NAME))) {
            if (Files.isRegularFile(beside)) {
                return ModelCard.read(beside);
            }
        }
        Map<String, String> meta;
        try {
            meta = session.getMetadata().getCustomMetadata();
        } catch (OrtException e) {
            throw new ModelException("cannot read the metadata of ONNX model " + file + ": " + e.getMessage(), e);
        }
        String cardJson = meta.get(META_MODEL_CARD);
        if (cardJson != null) {
            return parseCard(file, cardJson);
        }
        String labels = meta.get(META_LABELS);
        if (labels == null || labels.isEmpty()) {
            throw new ModelException("ONNX model " + file + " has no labels: no " + ModelCard.FILE_NAME
                    + " beside it and no '" + META_LABELS + "' in its metadata");
        }
        List<String> list = labels.codePoints().mapToObj(Character::toString).toList();
        return new ModelCard(file.getFileName().toString(), null, list, ModelCard.INPUT, ModelCard.OUTPUT,
                meta.getOrDefault("preprocessing", null), Map.of("source", "ONNX metadata"), Map.of());
    }

    private static ModelCard parseCard(Path file, String json) {
        return ModelCard.parse(json, "the model card in the metadata of " + file);
    }
}
