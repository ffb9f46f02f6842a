package hcr.model;

import hcr.data.ImageSet;
import hcr.data.LabelMap;
import java.util.Random;

/** A small data set a tiny network can learn in seconds: four stroke shapes at jittered positions. */
public final class LearnableImages {
    static final int CLASSES = 4;
    static final NetworkSpec TINY_NET = new NetworkSpec(4, 8, 3, "SAME", 32, 16, 0.1f, 62);

    private LearnableImages() {
    }

    /** Label 0: horizontal bar, 1: vertical bar, 2: diagonal, 3: hollow square. */
    public static ImageSet generate(int n, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * ImageSet.PIXELS];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES;
            labels[i] = (byte) label;
            int dx = random.nextInt(7) - 3;
            int dy = random.nextInt(7) - 3;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int u = x - 14 - dx;
                    int v = y - 14 - dy;
                    boolean ink = switch (label) {
                        case 0 -> Math.abs(v) <= 1 && Math.abs(u) <= 8;
                        case 1 -> Math.abs(u) <= 1 && Math.abs(v) <= 8;
                        case 2 -> Math.abs(u - v) <= 1 && Math.abs(u) <= 8;
                        default -> Math.max(Math.abs(u), Math.abs(v)) >= 6 && Math.max(Math.abs(u), Math.abs(v)) <= 7;
                    };
                    int noise = random.nextInt(40);
                    pixels[i * ImageSet.PIXELS + y * 28 + x] = (byte) (ink ? 255 - noise : noise);
                }
            }
        }
        return ImageSet.wrap(pixels, labels, LabelMap.byClass());
    }

    static TrainingOptions options(int epochs, long seed) {
        return new TrainingOptions(epochs, 32, 0.01f, seed, 0, Augmentation.standard(), 2);
    }
}
