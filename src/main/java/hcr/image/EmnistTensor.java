package hcr.image;

/**
 * The tensor contract between preprocessing and every runtime: float32 [N,28,28,1],
 * upright, row-major, ink light (1) on dark (0), values in [0,1].
 */
public final class EmnistTensor {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    private EmnistTensor() {
    }
}
