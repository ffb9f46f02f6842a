package hcr.reliability;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Directories of many small pictures for scale and crash tests, quick to write. */
final class Pictures {
    /** Distinct pictures; files repeat them so writing 100,000 costs no 100,000 encodes. */
    private static final int VARIANTS = 64;

    private Pictures() {
    }

    /** {@code count} 32x32 PNGs of random strokes, named {@code 000000.png} and on, in subdirectories of 1,000. */
    static Path write(Path dir, int count) throws IOException {
        Random random = new Random(count);
        byte[][] variants = new byte[VARIANTS][];
        for (int i = 0; i < VARIANTS; i++) {
            variants[i] = HostileImages.write(strokes(random), "png");
        }
        for (int i = 0; i < count; i++) {
            Path sub = dir.resolve(String.format(Locale.ROOT, "%03d", i / 1000));
            if (i % 1000 == 0) {
                Files.createDirectories(sub);
            }
            Files.write(sub.resolve(String.format(Locale.ROOT, "%06d.png", i)), variants[i % VARIANTS]);
        }
        return dir;
    }

    private static BufferedImage strokes(Random random) {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 32, 32);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2 + random.nextInt(4)));
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            g.drawLine(random.nextInt(32), random.nextInt(32), random.nextInt(32), random.nextInt(32));
        }
        g.dispose();
        return image;
    }
}
