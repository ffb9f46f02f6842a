package hcr.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The confusion matrix as a PNG heatmap ({@code confusion.png}): one cell per (true, predicted) pair,
 * labels on both axes, a colour scale, a title (model and accuracy) and a subtitle (the data). Colour follows
 * log(1 + count), so the few dozen confusions off the diagonal stay visible beside thousands on it;
 * empty cells stay white.
 */
public final class ConfusionHeatmap {
    public static final String FILE_NAME = "confusion.png";
    static final int CELL = 14;
    static final int LEFT = 48;
    static final int TOP = 92;
    static final int RIGHT = 120;
    static final int BOTTOM = 24;
    private static final int BAR_WIDTH = 18;

    /** Light to dark, so "more" reads as "darker" in colour and in grey print. */
    private static final Color[] RAMP = {
            new Color(0xFFF7BC), new Color(0xFEC44F), new Color(0xEC7014), new Color(0xB52B0B), new Color(0x4A0C0C)};

    private ConfusionHeatmap() {
    }

    static int width(int classes) {
        return LEFT + classes * CELL + RIGHT;
    }

    static int height(int classes) {
        return TOP + classes * CELL + BOTTOM;
    }

    public static void write(ConfusionMatrix matrix, String title, String subtitle, Path file) {
        BufferedImage image = render(matrix, title, subtitle);
        Reports.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
    }

    static BufferedImage render(ConfusionMatrix matrix, String title, String subtitle) {
        int n = matrix.size();
        BufferedImage image = new BufferedImage(width(n), height(n), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            double maxLog = Math.log1p(Math.max(1, maxCount(matrix)));
            drawCells(g, matrix, maxLog);
            drawGroupLines(g, matrix.labels());
            drawAxisLabels(g, matrix.labels());
            drawText(g, title, new Font(Font.SANS_SERIF, Font.BOLD, 14), 22, image.getWidth());
            drawText(g, subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12), 40, image.getWidth());
            drawScale(g, n, maxCount(matrix), maxLog);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The colour of a count on a scale whose darkest end is log(1 + maxLog). */
    static Color colour(long count, double maxLog) {
        if (count == 0) {
            return Color.WHITE;
        }
        double t = Math.min(1, Math.log1p(count) / maxLog) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) t);
        double f = t - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static long maxCount(ConfusionMatrix matrix) {
        long max = 0;
        for (int a = 0; a < matrix.size(); a++) {
            for (int p = 0; p < matrix.size(); p++) {
                max = Math.max(max, matrix.count(a, p));
            }
        }
        return max;
    }

    private static void drawCells(Graphics2D g, ConfusionMatrix matrix, double maxLog) {
        int n = matrix.size();
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                g.setColor(colour(matrix.count(a, p), maxLog));
                g.fillRect(LEFT + p * CELL, TOP + a * CELL, CELL, CELL);
            }
        }
        g.setColor(new Color(0xE0E0E0));
        for (int i = 0; i <= n; i++) {
            g.drawLine(LEFT, TOP + i * CELL, LEFT + n * CELL, TOP + i * CELL);
            g.drawLine(LEFT + i * CELL, TOP, LEFT + i * CELL, TOP + n * CELL);
        }
    }

    /** Darker lines where digits end and capitals start (and capitals, small letters), to find one's way. */
    private static void drawGroupLines(Graphics2D g, List<String> labels) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.5f));
        int n = labels.size();
        for (int i = 1; i < n; i++) {
            if (group(labels.get(i)) != group(labels.get(i - 1))) {
                g.drawLine(LEFT, TOP + i * CELL, LEFT + n * CELL, TOP + i * CELL);
                g.drawLine(LEFT + i * CELL, TOP, LEFT + i * CELL, TOP + n * CELL);
            }
        }
        g.setStroke(new BasicStroke(1));
        g.drawRect(LEFT, TOP, n * CELL, n * CELL);
    }

    private static int group(String label) {
        int c = label.codePointAt(0);
        return Character.isDigit(c) ? 0 : Character.isUpperCase(c) ? 1 : Character.isLowerCase(c) ? 2 : 3;
    }

    private static void drawAxisLabels(Graphics2D g, List<String> labels) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < labels.size(); i++) {
            String s = labels.get(i);
            int centre = i * CELL + CELL / 2;
            g.drawString(s, LEFT + centre - fm.stringWidth(s) / 2, TOP - 4);
            g.drawString(s, LEFT - 4 - fm.stringWidth(s), TOP + centre + fm.getAscent() / 2 - 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("predicted", LEFT, TOP - 20);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString("true", -(TOP + 30), LEFT - 22);
        g.setTransform(saved);
    }

    /** One line of text, shortened with "..." in the middle (where long paths are least informative) to fit. */
    private static void drawText(Graphics2D g, String text, Font font, int baseline, int width) {
        g.setColor(Color.BLACK);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        String shown = text;
        int cut = 1;
        while (fm.stringWidth(shown) > width - 16 && cut < text.length()) {
            int middle = text.length() / 2;
            shown = text.substring(0, middle - cut / 2) + "..." + text.substring(Math.min(text.length(), middle + (cut + 1) / 2));
            cut++;
        }
        g.drawString(shown, 8, baseline);
    }

    /** A vertical bar from count 1 (bottom) to the largest count (top), on the cells' log scale. */
    private static void drawScale(Graphics2D g, int n, long max, double maxLog) {
        int x = LEFT + n * CELL + 20;
        int height = n * CELL;
        double minLog = Math.log1p(1);
        double span = Math.max(1e-9, maxLog - minLog);
        for (int y = 0; y < height; y++) {
            double v = maxLog - span * y / (height - 1);
            g.setColor(colour(Math.max(1, Math.round(Math.expm1(v))), maxLog));
            g.drawLine(x, TOP + y, x + BAR_WIDTH, TOP + y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, TOP, BAR_WIDTH, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (long tick : ticks(max)) {
            int y = TOP + (int) Math.round((maxLog - Math.log1p(tick)) / span * (height - 1));
            g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 4, y);
            g.drawString(String.format(Locale.ROOT, "%,d", tick), x + BAR_WIDTH + 7, y + 4);
        }
        g.drawString("count (log)", x - 6, TOP - 8);
    }

    /** 1, 10, 100, ... and the largest count at the top; a power of ten within a factor 2 below it would overprint it. */
    static List<Long> ticks(long max) {
        List<Long> ticks = new ArrayList<>();
        for (long t = 1; t * 2 <= max; t *= 10) {
            ticks.add(t);
        }
        ticks.add(Math.max(1, max));
        return ticks;
    }
}
