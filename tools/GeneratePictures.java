import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes N small greyscale PNGs of random pen strokes (dark ink on white, like a scan) for
 * timing {@code hcr infer}: {@code java tools/GeneratePictures.java DIR N [SIDE]}.
 * Deterministic (seeded), so runs are comparable.
 */
public class GeneratePictures {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int side = args.length > 2 ? Integer.parseInt(args[2]) : 28;
        Files.createDirectories(dir);
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(Math.max(1.5f, side / 10f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int x = side / 4 + random.nextInt(side / 2);
            int y = side / 4 + random.nextInt(side / 2);
            for (int stroke = 0; stroke < 3; stroke++) {
                int nx = side / 6 + random.nextInt(side * 2 / 3);
                int ny = side / 6 + random.nextInt(side * 2 / 3);
                g.drawLine(x, y, nx, ny);
                x = nx;
                y = ny;
            }
            g.dispose();
            ImageIO.write(image, "png", new File(dir.toFile(), String.format("img-%06d.png", i)));
        }
    }
}
