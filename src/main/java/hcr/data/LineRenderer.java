package hcr.data;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws strings of EMNIST characters the way a person prints them on a form: each glyph cut to
 * its ink, scaled to its place on the line (capitals and digits to the cap height, x-height
 * letters to 0.6 of it, descenders below the baseline) with size and baseline jitter, and spaced
 * by one of three regimes. Strokes that overlap are merged as ink is (the darker wins). Each string
 * depends only on the seed and its number, so a set can be reproduced string by string.
 */
public final class LineRenderer {
    /** Cap height at the 28-pixel scale of EMNIST, where gaps are measured. */
    public static final int CAP_HEIGHT = 24;
    private static final double X_HEIGHT = 0.6;
    private static final double DESCENT = 0.35;
    private static final double SIZE_JITTER = 0.1;
    private static final int BASELINE_JITTER = 1;
    private static final int MARGIN = 10;
    private static final String ASCENDERS = "bdfhklt";
    private static final String DESCENDERS = "gpqy";

    /** What a string is made of. */
    public enum Alphabet {
        DIGITS("0123456789"), UPPER("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        MIXED("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

        final String characters;

        Alphabet(String characters) {
            this.characters = characters;
        }

        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Blank between neighbouring glyphs' ink boxes, in pixels at the 28-pixel scale; negative overlaps. */
    public enum Spacing {
        SPACED(3, 10), TIGHT(0, 3), TOUCHING(-4, 0);

        final int min;
        final int max;

        Spacing(int min, int max) {
            this.min = min;
            this.max = max;
        }

        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The picture, its text and each character's ink box in picture pixels (x, y, w, h). */
    public record Line(BufferedImage picture, String text, List<int[]> boxes) {
    }

    private final ImageSet images;
    /** Per character of the alphabet, the indices of the pool images showing it. */
    private final int[][] byCharacter;
    private final Alphabet alphabet;
    private final Spacing spacing;
    private final long seed;

    /**
     * @param pool the images strings may be built from: the holdout for reporting, the rest of
     *             the dev file for tuning
     */
    public LineRenderer(ImageSet images, int[] pool, Alphabet alphabet, Spacing spacing, long seed) {
        this.images = images;
        this.alphabet = alphabet;
        this.spacing = spacing;
        this.seed = seed;
        List<List<Integer>> lists = new ArrayList<>();
        for (int c = 0; c < alphabet.characters.length(); c++) {
            lists.add(new ArrayList<>());
        }
        for (int i : pool) {
            String c = images.labelMap().character(images.label(i));
            int at = alphabet.characters.indexOf(c);
            if (at >= 0) {
                lists.get(at).add(i);
            }
        }
        byCharacter = new int[lists.size()][];
        for (int c = 0; c < lists.size(); c++) {
            if (lists.get(c).isEmpty()) {
                throw new IllegalArgumentException("no image of '" + alphabet.characters.charAt(c) + "' in the pool");
            }
            byCharacter[c] = lists.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** String number {@code n}: 5 to 8 characters; even numbers clean scans at twice the scale, odd ones grey photos. */
    public Line render(int n) {
        return render(n, 0);
    }

    /** As {@link #render(int)}, with {@code length} characters (0: the usual 5 to 8). */
    public Line render(int n, int length) {
        Random random = new Random(seed * 1_000_003L + n * 7919L + alphabet.ordinal() * 31L + spacing.ordinal());
        int usual = 5 + random.nextInt(4);
        length = length > 0 ? length : usual;
        boolean scanned = n % 2 == 0;
        int zoom = scanned ? 2 : 1;
        double cap = CAP_HEIGHT * zoom;
        StringBuilder text = new StringBuilder();
        List<Glyph> glyphs = new ArrayList<>();
        int baseline = (int) Math.round(MARGIN * zoom + cap + 2);
        double x = MARGIN * zoom;
        for (int k = 0; k < length; k++) {
            int c = random.nextInt(alphabet.characters.length());
            char ch = alphabet.characters.charAt(c);
            int index = byCharacter[c][random.nextInt(byCharacter[c].length)];
            double size = cap * (1 + SIZE_JITTER * (2 * random.nextDouble() - 1));
            int base = baseline + zoom * (random.nextInt(2 * BASELINE_JITTER + 1) - BASELINE_JITTER);
            Glyph glyph = Glyph.of(images, index, ch, size, base);
            if (k > 0) {
                x += zoom * (spacing.min + random.nextDouble() * (spacing.max - spacing.min));
            }
            glyph.left = x;
            x += glyph.width;
            glyphs.add(glyph);
            text.append(ch);
        }
        int width = (int) Math.ceil(x + MARGIN * zoom);
        int height = (int) Math.ceil(baseline + cap * DESCENT + MARGIN * zoom);
        float[] ink = new float[width * height];
        List<int[]> boxes = new ArrayList<>();
        for (Glyph glyph : glyphs) {
            boxes.add(glyph.paint(ink, width, height));
        }
        return new Line(toPicture(ink, width, height, scanned, random), text.toString(), boxes);
    }

    private static BufferedImage toPicture(float[] ink, int width, int height, boolean scanned, Random random) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = picture.getRaster();
        int paper = scanned ? 255 : 185 + random.nextInt(50);
        int dark = scanned ? 0 : 20 + random.nextInt(60);
        double noise = scanned ? 0 : 4;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = paper + (dark - paper) * ink[y * width + x] + random.nextGaussian() * noise;
                out.setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(value))));
            }
        }
        return picture;
    }

    /** One EMNIST image cut to its ink and placed on the line. */
    private static final class Glyph {
        final ImageSet images;
        final int index;
        final int[] inkBox;
        final double scale;
        final double width;
        final double top;
        double left;

        private Glyph(ImageSet images, int index, int[] inkBox, double scale, double top) {
            this.images = images;
            this.index = index;
            this.inkBox = inkBox;
            this.scale = scale;
            this.width = (inkBox[2] - inkBox[0]) * scale;
            this.top = top;
        }

        static Glyph of(ImageSet images, int index, char ch, double cap, int baseline) {
            int[] box = inkBox(images, index);
            double height;
            double bottom = baseline;
            if (Character.isLowerCase(ch) && DESCENDERS.indexOf(ch) >= 0) {
                height = cap * (X_HEIGHT + DESCENT);
                bottom = baseline + cap * DESCENT;
            } else if (ch == 'j') {
                height = cap * (0.9 + DESCENT);
                bottom = baseline + cap * DESCENT;
            } else if (ch == 'i') {
                height = cap * 0.9;
            } else if (Character.isLowerCase(ch) && ASCENDERS.indexOf(ch) < 0) {
                height = cap * X_HEIGHT;
            } else {
                height = cap;
            }
            double scale = height / (box[3] - box[1]);
            return new Glyph(images, index, box, scale, bottom - height);
        }

        /** The EMNIST image's box of pixels above a faint level: [left, top, right, bottom), 28x28 coordinates. */
        static int[] inkBox(ImageSet images, int index) {
            int left = ImageSet.SIDE;
            int top = ImageSet.SIDE;
            int right = 0;
            int bottom = 0;
            for (int p = 0; p < ImageSet.PIXELS; p++) {
                if (images.pixel(index, p) > 40) {
                    int x = p % ImageSet.SIDE;
                    int y = p / ImageSet.SIDE;
                    left = Math.min(left, x);
                    right = Math.max(right, x + 1);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y + 1);
                }
            }
            return right > left ? new int[] {left, top, right, bottom} : new int[] {0, 0, ImageSet.SIDE, ImageSet.SIDE};
        }

        /** Bilinear samples of the glyph, merged into the canvas by maximum; returns its box on the canvas. */
        int[] paint(float[] ink, int width, int height) {
            int x0 = (int) Math.floor(left);
            int y0 = (int) Math.floor(top);
            int x1 = (int) Math.ceil(left + this.width);
            int y1 = (int) Math.ceil(top + (inkBox[3] - inkBox[1]) * scale);
            for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
                for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                    double sx = inkBox[0] + (x + 0.5 - left) / scale - 0.5;
                    double sy = inkBox[1] + (y + 0.5 - top) / scale - 0.5;
                    float v = (float) (sample(sx, sy) / 255.0);
                    int i = y * width + x;
                    ink[i] = Math.max(ink[i], v);
                }
            }
            return new int[] {x0, y0, x1 - x0, y1 - y0};
        }

        private double sample(double sx, double sy) {
            int ix = (int) Math.floor(sx);
            int iy = (int) Math.floor(sy);
            double fx = sx - ix;
            double fy = sy - iy;
            return (1 - fx) * (1 - fy) * pixel(ix, iy) + fx * (1 - fy) * pixel(ix + 1, iy)
                    + (1 - fx) * fy * pixel(ix, iy + 1) + fx * fy * pixel(ix + 1, iy + 1);
        }

        private int pixel(int x, int y) {
            return x < 0 || y < 0 || x >= ImageSet.SIDE || y >= ImageSet.SIDE ? 0 : images.pixel(index, y * ImageSet.SIDE + x);
        }
    }
}
