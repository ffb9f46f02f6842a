import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the sample pictures shipped in tools/samples: handwriting-like pen strokes made here, not
 * taken from any data set. Run with the JDK's single-file launcher:
 *
 * <pre>java tools/SampleGenerator.java tools/samples</pre>
 *
 * Every glyph is a few polylines and Bezier curves in a box one unit tall (y down), given a slight
 * slant, a small tilt and a jitter of its points so no two look machine-made; the seed is fixed, so
 * the output is the same on every run. The pictures vary what users vary: size, pen colour and
 * width, polarity, grey paper, uneven light, transparency, JPEG.
 */
public final class SampleGenerator {
    /** A character's strokes; coordinates in units of its height, x to the right, y down. */
    private record Glyph(String file, List<double[]> strokes) {
    }

    /** How the picture around the glyph looks. */
    private record Look(int width, int height, Color paper, Color ink, double glyphHeight, double pen,
                        boolean transparent, boolean unevenLight, String format) {
    }

    private static final Color WHITE = Color.WHITE;
    private static final Color BLACK = new Color(20, 20, 25);
    private static final Color BLUE_INK = new Color(25, 40, 120);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "tools/samples");
        Files.createDirectories(out);
        Random random = new Random(20261125L);
        draw(out, random, glyph("number_0", ellipse(0.35, 0.5, 0.3, 0.48)),
                look(96, 96, WHITE, BLACK, 0.75, 0.10, "png"));
        draw(out, random, glyph("number_1", line(0.18, 0.22, 0.45, 0.0, 0.45, 1.0)),
                look(64, 80, new Color(30, 30, 30), new Color(235, 235, 235), 0.8, 0.11, "png"));
        draw(out, random, glyph("number_2", curve(0.08, 0.25, 0.15, -0.05, 0.8, -0.08, 0.72, 0.32),
                        line(0.72, 0.32, 0.05, 1.0, 0.78, 0.98)),
                look(200, 240, WHITE, BLUE_INK, 0.7, 0.09, "jpg"));
        draw(out, random, glyph("number_3", curve(0.08, 0.12, 0.45, -0.12, 0.9, 0.2, 0.35, 0.47),
                        curve(0.35, 0.47, 0.95, 0.5, 0.85, 1.12, 0.06, 0.9)),
                look(128, 128, new Color(172, 168, 160), new Color(45, 45, 50), 0.72, 0.10, "png"));
        draw(out, random, glyph("number_4", line(0.62, 1.0, 0.62, 0.0, 0.02, 0.68, 0.8, 0.68)),
                look(110, 110, WHITE, BLACK, 0.7, 0.10, "png", true, false));
        draw(out, random, glyph("number_7", line(0.02, 0.04, 0.72, 0.02, 0.28, 1.0)),
                look(48, 48, WHITE, BLACK, 0.78, 0.11, "png"));
        draw(out, random, glyph("letter_A", line(0.0, 1.0, 0.4, 0.0, 0.8, 1.0), line(0.17, 0.62, 0.64, 0.6)),
                look(320, 300, new Color(238, 234, 224), new Color(50, 48, 52), 0.62, 0.09, "jpg", false, true));
        draw(out, random, glyph("letter_B", line(0.08, 0.0, 0.08, 1.0),
                        curve(0.08, 0.0, 0.78, -0.06, 0.78, 0.5, 0.08, 0.48),
                        curve(0.08, 0.48, 0.92, 0.44, 0.92, 1.06, 0.08, 1.0)),
                look(140, 150, new Color(24, 60, 40), new Color(240, 230, 150), 0.7, 0.10, "png"));
        draw(out, random, glyph("letter_C", curve(0.78, 0.15, 0.55, -0.08, 0.0, -0.02, 0.02, 0.5),
                        curve(0.02, 0.5, 0.02, 1.02, 0.58, 1.1, 0.82, 0.84)),
                look(160, 160, WHITE, BLUE_INK, 0.7, 0.08, "png"));
        draw(out, random, glyph("letter_E", line(0.72, 0.0, 0.06, 0.0, 0.06, 1.0, 0.76, 1.0), line(0.06, 0.5, 0.58, 0.5)),
                look(90, 110, WHITE, BLACK, 0.72, 0.10, "png"));
        draw(out, random, glyph("letter_H", line(0.06, 0.0, 0.06, 1.0), line(0.74, 0.0, 0.74, 1.0), line(0.06, 0.5, 0.74, 0.48)),
                look(240, 220, new Color(200, 200, 196), new Color(30, 30, 36), 0.66, 0.09, "jpg"));
        draw(out, random, glyph("letter_L", line(0.1, 0.0, 0.1, 1.0, 0.72, 1.0)),
                look(100, 100, new Color(10, 10, 10), WHITE, 0.72, 0.11, "png"));
        draw(out, random, glyph("letter_T", line(0.0, 0.04, 0.84, 0.02), line(0.42, 0.03, 0.44, 1.0)),
                look(180, 180, WHITE, BLACK, 0.7, 0.09, "png"));
        draw(out, random, glyph("letter_X", line(0.02, 0.0, 0.8, 1.0), line(0.8, 0.0, 0.02, 1.0)),
                look(72, 72, WHITE, BLACK, 0.74, 0.11, "png"));
        draw(out, random, glyph("letter_a_lower", curve(0.7, 0.22, 0.45, -0.06, -0.02, 0.08, 0.04, 0.6),
                        curve(0.04, 0.6, 0.1, 1.05, 0.62, 1.0, 0.72, 0.56), line(0.74, 0.0, 0.76, 1.0)),
                look(120, 120, WHITE, BLACK, 0.56, 0.11, "png", true, false));
        draw(out, random, glyph("letter_b_lower", line(0.1, 0.0, 0.1, 1.0),
                        curve(0.1, 0.6, 0.35, 0.36, 0.82, 0.38, 0.78, 0.74),
                        curve(0.78, 0.74, 0.74, 1.06, 0.28, 1.06, 0.1, 0.9)),
                look(150, 170, WHITE, BLUE_INK, 0.72, 0.09, "jpg"));
        draw(out, random, glyph("letter_d_lower", line(0.72, 0.0, 0.72, 1.0),
                        curve(0.72, 0.6, 0.46, 0.36, 0.0, 0.38, 0.04, 0.74),
                        curve(0.04, 0.74, 0.08, 1.06, 0.55, 1.06, 0.72, 0.9)),
                look(130, 140, new Color(35, 35, 40), new Color(230, 230, 230), 0.72, 0.10, "png"));
        draw(out, random, glyph("letter_e_lower", line(0.06, 0.55, 0.8, 0.52),
                        curve(0.8, 0.52, 0.82, 0.08, 0.16, 0.0, 0.06, 0.5),
                        curve(0.06, 0.5, 0.0, 0.98, 0.56, 1.06, 0.82, 0.84)),
                look(120, 120, new Color(176, 174, 168), new Color(40, 40, 46), 0.55, 0.11, "png"));
    }

    private static Glyph glyph(String file, double[]... strokes) {
        return new Glyph(file, List.of(strokes));
    }

    private static Look look(int width, int height, Color paper, Color ink, double glyphHeight, double pen, String format) {
        return look(width, height, paper, ink, glyphHeight, pen, format, false, false);
    }

    private static Look look(int width, int height, Color paper, Color ink, double glyphHeight, double pen, String format,
                             boolean transparent, boolean unevenLight) {
        return new Look(width, height, paper, ink, glyphHeight, pen, transparent, unevenLight, format);
    }

    // A stroke is encoded as {kind, x0, y0, ...}: kind 0 a polyline, 1 a cubic Bezier.
    private static double[] line(double... points) {
        return prepend(0, points);
    }

    private static double[] curve(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
        return prepend(1, new double[] {x0, y0, x1, y1, x2, y2, x3, y3});
    }

    /** An ellipse as four Bezier quarters, starting top right and overshooting a little, as a pen does. */
    private static double[] ellipse(double cx, double cy, double rx, double ry) {
        double k = 0.5523;
        return prepend(2, new double[] {cx, cy, rx, ry, k});
    }

    private static double[] prepend(double kind, double[] values) {
        double[] stroke = new double[values.length + 1];
        stroke[0] = kind;
        System.arraycopy(values, 0, stroke, 1, values.length);
        return stroke;
    }

    private static void draw(Path dir, Random random, Glyph glyph, Look look) throws IOException {
        boolean alpha = look.transparent();
        BufferedImage image = new BufferedImage(look.width(), look.height(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            if (!alpha) {
                paintPaper(g, image, look, random);
            }
            double size = look.height() * look.glyphHeight();
            Path2D.Double pen = path(glyph, random);
            Rectangle2D bounds = tightBounds(pen);
            double scale = size / bounds.getHeight();
            double width = bounds.getWidth() * scale;
            AffineTransform place = new AffineTransform();
            place.translate((look.width() - width) / 2 + random.nextGaussian() * look.width() * 0.02,
                    (look.height() - size) / 2 + random.nextGaussian() * look.height() * 0.02);
            place.rotate(Math.toRadians(random.nextGaussian() * 2.5), width / 2, size / 2);
            place.scale(scale, scale);
            place.translate(-bounds.getMinX(), -bounds.getMinY());
            g.setColor(look.ink());
            g.setStroke(new BasicStroke((float) (look.pen() * size), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(place.createTransformedShape(pen));
        } finally {
            g.dispose();
        }
        write(image, dir.resolve(glyph.file() + "." + look.format()), look.format());
    }

    /** The box around the curve itself (Java 17's Path2D bounds include the control points). */
    private static Rectangle2D tightBounds(Path2D.Double path) {
        Rectangle2D bounds = null;
        double[] point = new double[6];
        for (PathIterator it = path.getPathIterator(null, 0.001); !it.isDone(); it.next()) {
            it.currentSegment(point);
            if (bounds == null) {
                bounds = new Rectangle2D.Double(point[0], point[1], 0, 0);
            } else {
                bounds.add(point[0], point[1]);
            }
        }
        return bounds;
    }

    /** Paper with a little grain and, if asked, light falling off towards one corner. */
    private static void paintPaper(Graphics2D g, BufferedImage image, Look look, Random random) {
        g.setColor(look.paper());
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        Color paper = look.paper();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double shade = look.unevenLight() ? 1 - 0.35 * (x + y) / (double) (image.getWidth() + image.getHeight()) : 1;
                // Only coloured or shaded paper gets grain: white paper stays clean so its PNG stays small.
                int grain = paper.equals(WHITE) ? 0 : (int) Math.round(random.nextGaussian() * 3);
                image.setRGB(x, y, rgb(paper.getRed() * shade + grain, paper.getGreen() * shade + grain,
                        paper.getBlue() * shade + grain));
            }
        }
    }

    private static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The glyph's strokes with a rightward slant and every point nudged a little. */
    private static Path2D.Double path(Glyph glyph, Random random) {
        double slant = 0.06 + random.nextDouble() * 0.08;
        Path2D.Double path = new Path2D.Double();
        for (double[] stroke : glyph.strokes()) {
            int kind = (int) stroke[0];
            if (kind == 2) {
                ellipse(path, stroke, slant, random);
                continue;
            }
            double[] p = new double[stroke.length - 1];
            for (int i = 0; i < p.length; i += 2) {
                double y = stroke[i + 2] + random.nextGaussian() * 0.012;
                p[i] = stroke[i + 1] + (1 - y) * slant + random.nextGaussian() * 0.012;
                p[i + 1] = y;
            }
            path.moveTo(p[0], p[1]);
            if (kind == 0) {
                for (int i = 2; i < p.length; i += 2) {
                    path.lineTo(p[i], p[i + 1]);
                }
            } else {
                path.curveTo(p[2], p[3], p[4], p[5], p[6], p[7]);
            }
        }
        return path;
    }

    private static void ellipse(Path2D.Double path, double[] e, double slant, Random random) {
        double cx = e[1];
        double cy = e[2];
        double rx = e[3];
        double ry = e[4];
        double k = e[5];
        double[][] quarters = {
            {cx, cy - ry, cx - k * rx, cy - ry, cx - rx, cy - k * ry, cx - rx, cy},
            {cx - rx, cy, cx - rx, cy + k * ry, cx - k * rx, cy + ry, cx, cy + ry},
            {cx, cy + ry, cx + k * rx, cy + ry, cx + rx, cy + k * ry, cx + rx, cy},
            {cx + rx, cy, cx + rx, cy - k * ry, cx + k * rx * 0.8, cy - ry * 1.04, cx - 0.08 * rx, cy - ry * 0.96},
        };
        boolean first = true;
        for (double[] q : quarters) {
            double[] p = new double[8];
            for (int i = 0; i < 8; i += 2) {
                double y = q[i + 1] + random.nextGaussian() * 0.01;
                p[i] = q[i] + (1 - y) * slant + random.nextGaussian() * 0.01;
                p[i + 1] = y;
            }
            if (first) {
                path.moveTo(p[0], p[1]);
                first = false;
            }
            path.curveTo(p[2], p[3], p[4], p[5], p[6], p[7]);
        }
    }

    /** Writes next to the target and renames, so a half-written picture never appears. */
    private static void write(BufferedImage image, Path file, String format) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".sample-", "." + format);
        try {
            if (format.equals("jpg")) {
                writeJpeg(image, temp);
            } else if (!ImageIO.write(image, format, temp.toFile())) {
                throw new IOException("no writer for " + format);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        System.out.println(file + " (" + Files.size(file) + " bytes)");
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
