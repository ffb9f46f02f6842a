package hcr.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Handwriting-like test pictures: a pen stroke through a few random points, dark on white. */
final class Glyphs {
    private Glyphs() {
    }

    /** A stroke through 3-6 points of a unit square, whose picture is drawn {@code size} pixels tall. */
    record Glyph(double[] xs, double[] ys) {
        static Glyph random(long seed) {
            Random random = new Random(seed);
            int points = 3 + random.nextInt(4);
            double[] xs = new double[points];
            double[] ys = new double[points];
            for (int i = 0; i < points; i++) {
                xs[i] = random.nextDouble();
                ys[i] = random.nextDouble();
            }
            // Pin the extremes so the glyph's box is the unit square whatever the points.
            xs[0] = 0;
            ys[0] = 0;
            xs[points - 1] = 1;
            ys[points - 1] = 1;
            return new Glyph(xs, ys);
        }

        /** The glyph {@code size} pixels wide and tall, its top-left corner at (left, top) on white paper. */
        BufferedImage draw(int canvasWidth, int canvasHeight, double left, double top, double size) {
            BufferedImage image = new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, canvasWidth, canvasHeight);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke((float) (size / 6.5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D.Double path = new Path2D.Double();
                path.moveTo(left + xs[0] * size, top + ys[0] * size);
                for (int i = 1; i < xs.length; i++) {
                    path.lineTo(left + xs[i] * size, top + ys[i] * size);
                }
                g.draw(path);
            } finally {
                g.dispose();
            }
            return image;
        }

        /** Centred on a square canvas with a quarter of margin on each side. */
        BufferedImage draw(int canvas) {
            return draw(canvas, canvas, canvas * 0.25, canvas * 0.25, canvas * 0.5);
        }
    }
}
