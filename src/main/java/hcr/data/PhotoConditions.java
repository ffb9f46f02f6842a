package hcr.data;

import java.util.Random;

/**
 * What a photo style adds to the plain photo: how much light falls on each point, and the paper's
 * colour there once printed ruling or a form box is on it. All of it is drawn from the picture's
 * own random sequence, so each picture still depends only on the seed and its index.
 */
abstract class PhotoConditions {
    /** Blue ruling as printed on notebook paper, relative to the paper: lighter than any ink. */
    private static final double[] RULING = {0.55, 0.70, 1.0};

    /** Whether the picture needs colour (blue ruling). */
    boolean coloured() {
        return false;
    }

    /** Fraction of the full light at (x, y). */
    double light(int x, int y) {
        return 1;
    }

    /** The paper's colour at (x, y) before lighting, as red, green, blue. */
    void paper(int x, int y, double[] rgb) {
        java.util.Arrays.fill(rgb, base);
    }

    final double base;

    PhotoConditions(double paper) {
        this.base = paper;
    }

    /**
     * Draws the conditions of one picture: the paper level, the glyph's box (left, top, size) and
     * the canvas side are already drawn.
     */
    static PhotoConditions draw(RenderStyle style, Random random, int paper, int left, int top, int size, int canvas) {
        return switch (style) {
            case GRADIENT -> gradient(random, paper, canvas);
            case VIGNETTE -> vignette(random, paper, canvas);
            case SHADOW -> shadow(random, paper, left, top, size);
            case RULED -> lines(random, paper, 20 + random.nextInt(13), 1 + random.nextDouble(), false);
            case SQUARED -> lines(random, paper, 16 + random.nextInt(9), 1.0, true);
            case BOXED -> box(random, paper, left, top, size, canvas);
            default -> new PhotoConditions(paper) { };
        };
    }

    /** The paper goes down by 120 grey levels from one side of the canvas to the other. */
    private static PhotoConditions gradient(Random random, int paper, int canvas) {
        double angle = random.nextDouble() * 2 * Math.PI;
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        // The projections of the canvas corners on the direction span [low, low + span].
        double low = Math.min(0, dx * (canvas - 1)) + Math.min(0, dy * (canvas - 1));
        double span = Math.abs(dx) * (canvas - 1) + Math.abs(dy) * (canvas - 1);
        double fall = 120.0 / paper;
        return new PhotoConditions(paper) {
            @Override
            double light(int x, int y) {
                return 1 - fall * (x * dx + y * dy - low) / span;
            }
        };
    }

    private static PhotoConditions vignette(Random random, int paper, int canvas) {
        double corner = 0.35 + 0.15 * random.nextDouble();
        double centre = (canvas - 1) / 2.0;
        double reach = 2 * centre * centre;
        return new PhotoConditions(paper) {
            @Override
            double light(int x, int y) {
                return 1 - corner * ((x - centre) * (x - centre) + (y - centre) * (y - centre)) / reach;
            }
        };
    }

    /** A soft shadow edge 12-30 px wide through a random point of the glyph's box. */
    private static PhotoConditions shadow(Random random, int paper, int left, int top, int size) {
        double depth = 0.35 + 0.15 * random.nextDouble();
        double softness = 12 + 18 * random.nextDouble();
        double angle = random.nextDouble() * 2 * Math.PI;
        double px = left + size * (0.2 + 0.6 * random.nextDouble());
        double py = top + size * (0.2 + 0.6 * random.nextDouble());
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        return new PhotoConditions(paper) {
            @Override
            double light(int x, int y) {
                double t = Math.max(0, Math.min(1, ((x - px) * dx + (y - py) * dy) / softness + 0.5));
                return 1 - depth * t * t * (3 - 2 * t);
            }
        };
    }

    /** Ruling every {@code spacing} px, {@code thickness} px thick, across (and with {@code both}, also down) the page. */
    private static PhotoConditions lines(Random random, int paper, int spacing, double thickness, boolean both) {
        double phaseY = random.nextDouble() * spacing;
        double phaseX = random.nextDouble() * spacing;
        return new PhotoConditions(paper) {
            @Override
            boolean coloured() {
                return true;
            }

            @Override
            void paper(int x, int y, double[] rgb) {
                double line = covered(y, phaseY, spacing, thickness);
                if (both) {
                    line = Math.max(line, covered(x, phaseX, spacing, thickness));
                }
                for (int band = 0; band < 3; band++) {
                    rgb[band] = base * (1 - line) + Math.min(255, base * RULING[band]) * line;
                }
            }
        };
    }

    /** A dark printed rectangle around the glyph's box, 4-16 px away from it, kept on the canvas. */
    private static PhotoConditions box(Random random, int paper, int left, int top, int size, int canvas) {
        int level = 30 + random.nextInt(70);
        double thickness = 1 + random.nextDouble();
        double x0 = Math.max(1, left - 4 - random.nextInt(13));
        double y0 = Math.max(1, top - 4 - random.nextInt(13));
        double x1 = Math.min(canvas - 1 - thickness, left + size + 4 + random.nextInt(13));
        double y1 = Math.min(canvas - 1 - thickness, top + size + 4 + random.nextInt(13));
        return new PhotoConditions(paper) {
            @Override
            void paper(int x, int y, double[] rgb) {
                double alongX = overlap(x, x0, x1 + thickness);
                double alongY = overlap(y, y0, y1 + thickness);
                double across = Math.max(overlap(x, x0, x0 + thickness), overlap(x, x1, x1 + thickness)) * alongY;
                double down = Math.max(overlap(y, y0, y0 + thickness), overlap(y, y1, y1 + thickness)) * alongX;
                double line = Math.max(across, down);
                java.util.Arrays.fill(rgb, base + (level - base) * line);
            }
        };
    }

    /** How much of pixel {@code p} (spanning [p, p+1)) lies on a line of the ruling. */
    private static double covered(int p, double phase, int spacing, double thickness) {
        double start = phase + Math.floor((p - phase) / spacing) * spacing;
        return Math.max(overlap(p, start, start + thickness), overlap(p, start + spacing, start + spacing + thickness));
    }

    /** Length of [p, p+1) ∩ [from, to). */
    private static double overlap(int p, double from, double to) {
        return Math.max(0, Math.min(p + 1, to) - Math.max(p, from));
    }
}
