package hcr.runtime;

import hcr.image.EmnistTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A reusable batch of images in the tensor contract (float32 [N,28,28,1], values in [0,1]),
 * held in one direct buffer so runtimes can hand it to native code without copying.
 * Not thread-safe: one filler at a time.
 */
public final class ImageBatch {
    private final FloatBuffer pixels;
    private final int capacity;
    private int size;

    private ImageBatch(int capacity) {
        this.capacity = capacity;
        this.pixels = ByteBuffer.allocateDirect(capacity * EmnistTensor.PIXELS * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    public static ImageBatch allocate(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("batch capacity must be positive: " + capacity);
        }
        return new ImageBatch(capacity);
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == capacity;
    }

    public void clear() {
        size = 0;
    }

    /** Appends one image of 784 floats from {@code src[offset ..]}. */
    public void add(float[] src, int offset) {
        if (size == capacity) {
            throw new IllegalStateException("batch is full (" + capacity + ")");
        }
        pixels.put(size * EmnistTensor.PIXELS, src, offset, EmnistTensor.PIXELS);
        size++;
    }

    public void add(float[] image) {
        add(image, 0);
    }

    /** The filled part, position 0 and limit {@code size()*784}; a view, not a copy. */
    public FloatBuffer pixels() {
        return pixels.duplicate().position(0).limit(size * EmnistTensor.PIXELS);
    }
}
