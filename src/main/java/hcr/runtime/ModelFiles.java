package hcr.runtime;

import hcr.io.Ownership;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The files a model is made of, and how hcr recognises its own (for the no-clobber policy):
 * a model directory holds a SavedModel and its {@value ModelCard#FILE_NAME}; an ONNX file hcr
 * exported names "hcr" as its producer; its card, {@code <name>.model-card.json}, sits beside it.
 */
public final class ModelFiles {
    /** What hcr writes into a model directory (train --export adds the ONNX file and its card). */
    private static final Set<String> MODEL_DIRECTORY_ENTRIES = Set.of("saved_model.pb", "variables", "assets",
            "fingerprint.pb", ModelCard.FILE_NAME, "hcr.onnx", "hcr.model-card.json");
    private static final String CARD_SUFFIX = ".model-card.json";

    private ModelFiles() {
    }

    /** {@code dir/hcr.onnx} → {@code dir/hcr.model-card.json}: each ONNX file its own card, however many share a directory. */
    public static Path cardBeside(Path onnxFile) {
        String name = onnxFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return onnxFile.toAbsolutePath().resolveSibling(stem + CARD_SUFFIX);
    }

    public static Ownership modelDirectory() {
        return Ownership.directory("an hcr model directory (a SavedModel with " + ModelCard.FILE_NAME + " and nothing else)",
                ModelCard.FILE_NAME, MODEL_DIRECTORY_ENTRIES::contains);
    }

    public static Ownership onnxFile() {
        return Ownership.of("an ONNX file hcr exported (producer \"hcr\")", ModelFiles::isHcrOnnx);
    }

    public static Ownership card() {
        return Ownership.of("an hcr model card", file -> {
            try {
                ModelCard.read(file);
                return true;
            } catch (ModelException e) {
                return false;
            }
        });
    }

    /**
     * ONNX's ModelProto serialises its fields in number order: ir_version (1, a varint), then
     * producer_name (2); hcr's exporter always sets both, so its files begin 08 nn 12 03 "hcr".
     */
    static boolean isHcrOnnx(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (head.length < 2 || head[0] != 0x08) {
            return false;
        }
        int i = 1;
        while (i < head.length && (head[i] & 0x80) != 0) {
            i++;
        }
        i++;
        return i + 5 <= head.length && head[i] == 0x12 && head[i + 1] == 3
                && head[i + 2] == 'h' && head[i + 3] == 'c' && head[i + 4] == 'r';
    }
}
