package hcr.spark;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The kinds of picture trees the engine tests use: awkward names (spaces, commas, quotes, newlines,
 * unicode, hidden and {@code _} names, a {@code k=v} folder), nested folders whose names sort around
 * their siblings, damaged files, and enough ordinary pictures to fill several partitions.
 */
final class PictureTrees {
    private static final String LETTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private PictureTrees() {
    }

    static Path awkward(Path root, boolean newlineNames, int ordinary) throws IOException {
        picture(root.resolve("a plain.png"), 'A', "png");
        picture(root.resolve("comma, here.jpg"), '7', "jpg");
        picture(root.resolve("quote \"q\".png"), 'q', "png");
        if (newlineNames) {
            picture(root.resolve("new\nline.png"), 'N', "png");
        }
        picture(root.resolve("ünïcødé 字.PNG"), 'u', "png");
        picture(root.resolve(".hidden.png"), 'h', "png");
        picture(root.resolve("_underscore.bmp"), 'U', "bmp");
        // "b/" sorts before "b.png" by name, but after it as a plain string ('/' > '.').
        picture(root.resolve("b.png"), 'B', "png");
        picture(root.resolve("b/x.png"), 'x', "png");
        picture(root.resolve("b/deep/y.gif"), 'y', "gif");
        picture(root.resolve("k=v/z.png"), 'z', "png");
        Files.write(root.resolve("empty.png"), new byte[0]);
        byte[] whole = encode('T', "png");
        Files.write(root.resolve("truncated.png"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(root.resolve("not a picture.jpg"), "hello", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("notes.txt"), "not listed", StandardCharsets.UTF_8);
        Files.write(root.resolve("blank.png"), blank());
        for (int i = 0; i < ordinary; i++) {
            picture(root.resolve(String.format("many/p%04d.png", i)), LETTERS.charAt(i * 7 % LETTERS.length()), "png");
        }
        return root;
    }

    static void picture(Path file, char c, String format) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, encode(c, format));
    }

    private static byte[] encode(char c, String format) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString(String.valueOf(c), 14, 48);
        g.dispose();
        return bytes(image, format);
    }

    /** White paper, no ink: decodes, then fails preprocessing. */
    private static byte[] blank() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        return bytes(image, "png");
    }

    private static byte[] bytes(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
