package hcr.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;

/**
 * Pictures on evenly lit paper, drawn from a seed: grey paper and ink levels, sensor noise, either
 * polarity, sometimes through JPEG. Their tensors were recorded with the preprocessing as it was
 * before the paper was followed under uneven light ({@code even-paper-tensors.txt}); run
 * {@link #main} to print the table again.
 */
final class EvenPaperTensors {
    static final int CASES = 60;

    private EvenPaperTensors() {
    }

    static BufferedImage picture(int seed) {
        Random random = new Random(seed);
        int size = 28 + random.nextInt(380);
        int paper = 150 + random.nextInt(106);
        int ink = random.nextInt(Math.max(1, paper - 60));
        double noise = random.nextInt(3) * 2.0;
        BufferedImage clean = Glyphs.Glyph.random(seed).draw(size);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        boolean inverted = random.nextInt(4) == 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double coverage = 1 - clean.getRaster().getSample(x, y, 0) / 255.0;
                double v = paper + (ink - paper) * coverage + random.nextGaussian() * noise;
                int level = (int) Math.max(0, Math.min(255, Math.round(v)));
                out.getRaster().setSample(x, y, 0, inverted ? 255 - level : level);
            }
        }
        return random.nextBoolean() ? Renderings.jpegRoundTrip(out, 0.85f) : out;
    }

    /** A fingerprint of the exact bits of a tensor. */
    static int fingerprint(float[] tensor) {
        int[] bits = new int[tensor.length];
        for (int i = 0; i < tensor.length; i++) {
            bits[i] = Float.floatToIntBits(tensor[i]);
        }
        return Arrays.hashCode(bits);
    }

    public static void main(String[] args) {
        EmnistPreprocessor preprocessor = new EmnistPreprocessor();
        for (int seed = 0; seed < CASES; seed++) {
            System.out.println(seed + " " + fingerprint(preprocessor.toTensor(picture(seed))));
        }
    }
}
