package hcr.image;

import java.awt.image.BufferedImage;

/**
 * Makes any picture of one character look like an EMNIST sample: greyscale, ink light on dark,
 * paper level removed under any lighting, printed ruling and form boxes erased, cropped to the
 * ink (specks ignored), aspect ratio kept inside a square,
 * area-averaged (the low-pass filter for shrinking) so the longer side of the ink spans
 * {@link #BOX} pixels, box-centred in 28x28, hairline pens thickened to EMNIST's stroke width,
 * values in [0,1] peaking at 1, upright.
 *
 * <p>Thread-safe: each thread gets its own scratch buffers, so after the first picture of a given
 * size the hot path allocates nothing.
 */
public final class EmnistPreprocessor {
    /** Goes into the model card, so a model is never fed pictures prepared another way. */
    public static final String VERSION = "emnist-v1";
    /**
     * Longest side of the solid ink inside the 28x28 frame. EMNIST pads its ink box by 2 px before
     * shrinking; 23 is what brings EMNIST samples rendered large back closest to themselves
     * (measured against 22 and 24 by the round-trip test's figures), and its frame is centred on the
     * ink box, not the centre of mass (EMNIST box centres sit 0.14 px from the middle on average,
     * centres of mass 1.57 px).
     */
    public static final int BOX = 23;

    private static final int SIDE = EmnistTensor.SIDE;
    private static final int THICKENING_ROUNDS = 2;
    private static final float FULL = 0.95f;

    private final ThreadLocal<Pipeline> pipelines = ThreadLocal.withInitial(Pipeline::new);

    /**
     * Writes {@link EmnistTensor#PIXELS} floats, row-major, into {@code out} from {@code offset}.
     *
     * @throws NoInkException when the picture shows no ink at all
     */
    public void toTensor(BufferedImage image, float[] out, int offset) {
        if (out.length - offset < EmnistTensor.PIXELS || offset < 0) {
            throw new IllegalArgumentException("no room for " + EmnistTensor.PIXELS + " floats at offset " + offset);
        }
        pipelines.get().run(image, out, offset);
    }

    /**
     * The same recipe from an ink map onward (paper already removed): for pieces of a line cut out
     * by {@code hcr read}, whose ink must not be estimated again crop by crop. {@code ink} holds
     * {@code w * h} strengths in [0,1] and is not modified.
     *
     * @throws NoInkException when the map holds no solid ink
     */
    public void inkToTensor(float[] ink, int w, int h, float[] out, int offset) {
        if (out.length - offset < EmnistTensor.PIXELS || offset < 0) {
            throw new IllegalArgumentException("no room for " + EmnistTensor.PIXELS + " floats at offset " + offset);
        }
        if (w < 1 || h < 1 || ink.length < w * h) {
            throw new IllegalArgumentException("bad ink map " + w + "x" + h);
        }
        pipelines.get().runOnInk(ink, w, h, out, offset);
    }

    /** Convenience for tests and one-off callers: a fresh array of 784 floats. */
    public float[] toTensor(BufferedImage image) {
        float[] out = new float[EmnistTensor.PIXELS];
        toTensor(image, out, 0);
        return out;
    }

    /** One thread's scratch state; each stage keeps its buffers between pictures. */
    private static final class Pipeline {
        private final GreyReader reader = new GreyReader();
        private final GreyImage grey = new GreyImage();
        private final InkExtractor extractor = new InkExtractor();
        private final LineEraser lines = new LineEraser();
        private final InkBounds bounds = new InkBounds();
        private final StrokeThickener thickener = new StrokeThickener();
        private final AreaResampler resampler = new AreaResampler();

        private float[] inkCopy = new float[0];

        void run(BufferedImage image, float[] out, int offset) {
            reader.read(image, grey);
            extractor.extract(grey);
            lines.erase(extractor.ink, grey.width, grey.height);
            fit(extractor.ink, grey.width, grey.height, out, offset);
        }

        void runOnInk(float[] ink, int w, int h, float[] out, int offset) {
            // The later stages erase specks and dilate in place: the caller's map stays as it was.
            inkCopy = Buffers.atLeast(inkCopy, w * h);
            System.arraycopy(ink, 0, inkCopy, 0, w * h);
            fit(inkCopy, w, h, out, offset);
        }

        private void fit(float[] ink, int w, int h, float[] out, int offset) {
            bounds.find(ink, w, h);
            if (bounds.right <= bounds.left) {
                throw new NoInkException("no solid ink to frame");
            }
            float peak = frame(ink, w, h, out, offset);

            // Dilating also grows the box, which shrinks the strokes again a little: a second round
            // settles it.
            for (int round = 0; round < THICKENING_ROUNDS; round++) {
                // A stroke narrower than an output pixel never reaches full intensity: its peak is its width.
                double width = peak < FULL ? peak : StrokeThickener.strokeWidth(out, offset);
                int radius = StrokeThickener.radiusFor(width, window() / SIDE);
                if (radius <= 0) {
                    break;
                }
                thickener.dilate(ink, w, h, radius);
                bounds.grow(radius);
                peak = frame(ink, w, h, out, offset);
            }
        }

        /**
         * Shrinks a square window onto the 28x28 frame: the ink box grown to a square plus the
         * frame's margin, so the soft edges of strokes and odd box sizes need no special handling.
         *
         * @return the highest value before stretching to the full range
         */
        private float frame(float[] ink, int w, int h, float[] out, int offset) {
            double window = window();
            double originX = (bounds.left + bounds.right) / 2.0 - window / 2;
            double originY = (bounds.top + bounds.bottom) / 2.0 - window / 2;
            resampler.resample(ink, w, h, originX, originY, window, SIDE, out, offset, SIDE);
            return stretchToFullRange(out, offset);
        }

        private double window() {
            double inkSide = Math.max(bounds.right - bounds.left, bounds.bottom - bounds.top);
            return inkSide * SIDE / BOX;
        }

        /** A thin pen shrunk a lot leaves faint strokes; EMNIST strokes always peak at full intensity. */
        private static float stretchToFullRange(float[] out, int offset) {
            float max = 0f;
            for (int i = offset; i < offset + EmnistTensor.PIXELS; i++) {
                max = Math.max(max, out[i]);
            }
            if (max <= 0f) {
                throw new NoInkException("no ink found after cropping");
            }
            float scale = 1f / max;
            for (int i = offset; i < offset + EmnistTensor.PIXELS; i++) {
                out[i] = Math.min(1f, out[i] * scale);
            }
            return max;
        }
    }
}
