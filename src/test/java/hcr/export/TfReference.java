package hcr.export;

import hcr.image.EmnistTensor;
import hcr.runtime.ModelCard;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Scores images with the SavedModel itself, through its serving signature: the reference for the ONNX file. */
final class TfReference {
    private TfReference() {
    }

    static float[] score(Path savedModel, float[] images) {
        int n = images.length / EmnistTensor.PIXELS;
        try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), SavedModelBundle.DEFAULT_TAG);
             TFloat32 input = TFloat32.tensorOf(Shape.of(n, EmnistTensor.SIDE, EmnistTensor.SIDE, 1), DataBuffers.of(images, true, false));
             Result result = bundle.function("serving_default").call(Map.of(ModelCard.INPUT, input))) {
            TFloat32 out = (TFloat32) result.get(ModelCard.OUTPUT).orElseThrow();
            float[] probabilities = new float[(int) out.shape().size()];
            out.copyTo(DataBuffers.of(probabilities, false, false));
            return probabilities;
        }
    }
}
