package hcr.image;

import java.util.Random;

/** Ink maps as the extractor leaves them, with printed lines, pen strokes and noise in random mixes. */
final class InkMaps {
    private InkMaps() {
    }

    static float[] withLines(int w, int h, Random random) {
        float[] ink = new float[w * h];
        // Paper noise, some of it just either side of the faint threshold.
        float noise = random.nextInt(3) * 0.04f;
        for (int i = 0; i < ink.length; i++) {
            ink[i] = random.nextFloat() * noise;
        }
        int things = 1 + random.nextInt(8);
        for (int t = 0; t < things; t++) {
            switch (random.nextInt(6)) {
                case 0 -> ruling(ink, w, h, random, false);
                case 1 -> ruling(ink, w, h, random, true);
                case 2 -> box(ink, w, h, random);
                default -> stroke(ink, w, h, random);
            }
        }
        return ink;
    }

    private static float strength(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> LineEraser.FAINT + random.nextFloat() * 0.05f;
            case 1 -> Math.nextDown(LineEraser.FAINT);
            default -> 0.1f + 0.9f * random.nextFloat();
        };
    }

    /** Lines edge to edge (or nearly), 1-6 px thick, with or without gaps, every so many pixels. */
    private static void ruling(float[] ink, int w, int h, Random random, boolean down) {
        int length = down ? h : w;
        int lines = down ? w : h;
        int spacing = 8 + random.nextInt(30);
        int thickness = 1 + random.nextInt(6);
        double span = 0.8 + random.nextDouble() * 0.25;
        float value = strength(random);
        double gaps = random.nextInt(3) * 0.05;
        for (int l = random.nextInt(spacing); l < lines; l += spacing) {
            int from = random.nextInt(Math.max(1, (int) (length * (1.05 - span))));
            for (int d = 0; d < thickness && l + d < lines; d++) {
                for (int k = from; k < Math.min(length, from + (int) (span * length)); k++) {
                    if (random.nextDouble() >= gaps) {
                        put(ink, w, down ? l + d : k, down ? k : l + d, value * (d == 0 ? 0.5f : 1f));
                    }
                }
            }
        }
    }

    /** Four sides 1-3 px thick around a random rectangle, sometimes left open at a corner. */
    private static void box(float[] ink, int w, int h, Random random) {
        int left = random.nextInt(w / 3);
        int top = random.nextInt(h / 3);
        int right = Math.min(w - 1, left + w / 5 + random.nextInt(w - left));
        int bottom = Math.min(h - 1, top + h / 5 + random.nextInt(h - top));
        int thickness = 1 + random.nextInt(3);
        float value = strength(random);
        int open = random.nextInt(4) == 0 ? 1 + random.nextInt(12) : 0;
        for (int d = 0; d < thickness; d++) {
            for (int x = left + open; x <= right; x++) {
                put(ink, w, x, top + d, value);
                put(ink, w, x, bottom - d, value);
            }
            for (int y = top; y <= bottom; y++) {
                put(ink, w, left + d, y, value);
                put(ink, w, right - d, y, value);
            }
        }
    }

    /** A pen stroke: a straight band 1-16 px wide at any angle, solid in the middle, soft at its edges. */
    private static void stroke(float[] ink, int w, int h, Random random) {
        double x0 = random.nextDouble() * w;
        double y0 = random.nextDouble() * h;
        double x1 = random.nextDouble() * w;
        double y1 = random.nextDouble() * h;
        if (random.nextBoolean()) {
            y1 = y0; // horizontal and vertical bars make the longest runs
        } else if (random.nextBoolean()) {
            x1 = x0;
        }
        double half = 0.5 + random.nextDouble() * 7.5;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length2 = Math.max(1e-9, dx * dx + dy * dy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / length2));
                double distance = Math.hypot(x - x0 - t * dx, y - y0 - t * dy);
                if (distance < half + 1) {
                    put(ink, w, x, y, (float) Math.max(0, Math.min(1, half + 0.5 - distance)));
                }
            }
        }
    }

    private static void put(float[] ink, int w, int x, int y, float value) {
        int i = y * w + x;
        ink[i] = Math.max(ink[i], value);
    }

    /** "" when the maps are equal bit for bit, else where and how they first differ (a whole map is too long to print). */
    static String firstDifference(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            return "lengths " + actual.length + " and " + expected.length;
        }
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                return "at " + i + ": " + actual[i] + " instead of " + expected[i];
            }
        }
        return "";
    }
}
