package hcr.model;

import hcr.image.EmnistTensor;
import hcr.runtime.ModelCard;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Run in a fresh JVM by {@link SavedModelTest}: loads a SavedModel the way any consumer would and
 * writes its probabilities for the given images. Arguments: model dir, images file, output file
 * (both files: an int count, then big-endian floats).
 */
public final class SavedModelProbe {
    private SavedModelProbe() {
    }

    public static void main(String[] args) throws Exception {
        float[] pixels = readFloats(Path.of(args[1]));
        int n = pixels.length / EmnistTensor.PIXELS;
        try (SavedModelBundle bundle = SavedModelBundle.load(args[0], "serve");
             TFloat32 input = TFloat32.tensorOf(Shape.of(n, EmnistTensor.SIDE, EmnistTensor.SIDE, 1),
                     DataBuffers.of(pixels, true, false))) {
            SessionFunction serving = bundle.function("serving_default");
            try (var result = serving.call(Map.of(ModelCard.INPUT, input))) {
                TFloat32 out = (TFloat32) result.get(ModelCard.OUTPUT).orElseThrow();
                float[] probabilities = new float[Math.toIntExact(out.shape().size())];
                out.copyTo(DataBuffers.of(probabilities, false, false));
                writeFloats(Path.of(args[2]), probabilities);
            }
        }
    }

    static void writeFloats(Path file, float[] values) throws java.io.IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(values.length);
            for (float v : values) {
                out.writeFloat(v);
            }
        }
    }

    static float[] readFloats(Path file) throws java.io.IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            float[] values = new float[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
            return values;
        }
    }
}
