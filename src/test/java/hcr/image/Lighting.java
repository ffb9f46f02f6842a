package hcr.image;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Uneven light on a grey picture: every pixel, ink and paper alike, gets a fraction of the light. */
final class Lighting {
    private Lighting() {
    }

    interface Light {
        double at(int x, int y);
    }

    /** Falls off by {@code levels} grey levels (of white paper) from one side to the other, at a random angle. */
    static Light gradient(int side, double levels, Random random) {
        double angle = random.nextDouble() * 2 * Math.PI;
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        double low = Math.min(0, dx * side) + Math.min(0, dy * side);
        double span = (Math.abs(dx) + Math.abs(dy)) * side;
        return (x, y) -> 1 - levels / 255 * (x * dx + y * dy - low) / span;
    }

    /** Corners get {@code depth} less light than the centre. */
    static Light vignette(int side, double depth) {
        double c = side / 2.0;
        return (x, y) -> 1 - depth * ((x - c) * (x - c) + (y - c) * (y - c)) / (2 * c * c);
    }

    /** A soft edge {@code softness} px wide through (px, py), {@code depth} less light beyond it. */
    static Light shadow(double px, double py, double angle, double softness, double depth) {
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        return (x, y) -> {
            double t = Math.max(0, Math.min(1, ((x - px) * dx + (y - py) * dy) / softness + 0.5));
            return 1 - depth * t * t * (3 - 2 * t);
        };
    }

    /** The picture with paper at {@code paper} (white maps to it) under the light, plus Gaussian noise. */
    static BufferedImage lit(BufferedImage grey, int paper, Light light, double noise, Random random) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                double v = grey.getRaster().getSample(x, y, 0) * paper / 255.0 * light.at(x, y) + random.nextGaussian() * noise;
                out.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(v))));
            }
        }
        return out;
    }
}
