package hcr.image;

/** Grow-only scratch arrays: the hot path allocates only when a bigger picture than before arrives. */
final class Buffers {
    private Buffers() {
    }

    static byte[] atLeast(byte[] buffer, int length) {
        return buffer.length >= length ? buffer : new byte[length];
    }

    static short[] atLeast(short[] buffer, int length) {
        return buffer.length >= length ? buffer : new short[length];
    }

    static int[] atLeast(int[] buffer, int length) {
        return buffer.length >= length ? buffer : new int[length];
    }

    static float[] atLeast(float[] buffer, int length) {
        return buffer.length >= length ? buffer : new float[length];
    }

    static double[] atLeast(double[] buffer, int length) {
        return buffer.length >= length ? buffer : new double[length];
    }
}
