import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Gives speed work on the image pipeline pictures of every size to be checked on: writes every
 * {@code every}-th picture under IN again at a random size (64 to 2100 px on its longer side, any
 * aspect ratio from 1:2 to 2:1, bilinear), as PNG, or JPEG above 700 px, under OUT. Seeded: the same
 * pictures give the same copies.
 *
 *   java tools/ScaledCopies.java IN OUT EVERY
 */
public class ScaledCopies {
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ScaledCopies IN OUT EVERY");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int every = Integer.parseInt(args[2]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(in)) {
            files = walk.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".jpg")).sorted().toList();
        }
        Random random = new Random(13);
        int written = 0;
        for (int f = 0; f < files.size(); f += every) {
            BufferedImage picture = ImageIO.read(files.get(f).toFile());
            // Mostly the sizes photos come in, now and then one the reader halves (over 1024 px).
            int longer = random.nextInt(8) == 0 ? 1025 + random.nextInt(1076) : 64 + random.nextInt(700);
            double aspect = Math.exp((random.nextDouble() * 2 - 1) * Math.log(2));
            int w = Math.max(64, (int) (aspect >= 1 ? longer : longer * aspect));
            int h = Math.max(64, (int) (aspect >= 1 ? longer / aspect : longer));
            BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = scaled.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(picture, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            Path name = out.resolve(in.relativize(files.get(f)).toString().replaceAll("\\.(png|jpg)$", "")
                    + "-" + w + "x" + h + (longer > 700 ? ".jpg" : ".png"));
            Files.createDirectories(name.getParent());
            ImageIO.write(scaled, longer > 700 ? "jpg" : "png", name.toFile());
            written++;
        }
        System.out.println("wrote " + written + " scaled copies under " + out);
    }
}
