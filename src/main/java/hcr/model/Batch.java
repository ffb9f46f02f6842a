package hcr.model;

import hcr.image.EmnistTensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A reusable batch: Java staging arrays plus native tensors of the same capacity, so a training
 * run allocates its feed tensors once rather than once per step.
 */
final class Batch implements AutoCloseable {
    final float[] pixels;
    final int[] labelValues;
    private final TFloat32 images;
    private final TInt32 labels;

    Batch(int capacity) {
        pixels = new float[capacity * EmnistTensor.PIXELS];
        labelValues = new int[capacity];
        images = TFloat32.tensorOf(Shape.of(capacity, EmnistTensor.SIDE, EmnistTensor.SIDE, 1));
        labels = TInt32.tensorOf(Shape.of(capacity));
    }

    int capacity() {
        return labelValues.length;
    }

    /** Copies the staging arrays into the tensors (call after filling them). */
    void publish() {
        images.copyFrom(DataBuffers.of(pixels, true, false));
        labels.copyFrom(DataBuffers.of(labelValues, true, false));
    }

    TFloat32 images() {
        return images;
    }

    TInt32 labels() {
        return labels;
    }

    @Override
    public void close() {
        images.close();
        labels.close();
    }
}
