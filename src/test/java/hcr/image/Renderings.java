package hcr.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Turns a 28x28 tensor back into the kind of picture a user would supply. */
final class Renderings {
    private Renderings() {
    }

    /** The tensor as a grey image, ink light on dark, one pixel per value. */
    static BufferedImage asImage(float[] tensor) {
        BufferedImage image = new BufferedImage(EmnistTensor.SIDE, EmnistTensor.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < EmnistTensor.SIDE; y++) {
            for (int x = 0; x < EmnistTensor.SIDE; x++) {
                int v = Math.round(tensor[y * EmnistTensor.SIDE + x] * 255);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        return image;
    }

    /** Dark ink on white paper, enlarged {@code scale} times (bicubic), with extra paper around it. */
    static BufferedImage onPaper(float[] tensor, int scale, int marginX, int marginY) {
        BufferedImage small = invert(asImage(tensor));
        int side = EmnistTensor.SIDE * scale;
        BufferedImage paper = new BufferedImage(side + 2 * marginX, side + 2 * marginY, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = paper.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, paper.getWidth(), paper.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(small, marginX, marginY, side, side, null);
        } finally {
            g.dispose();
        }
        return paper;
    }

    static BufferedImage invert(BufferedImage grey) {
        BufferedImage inverted = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                inverted.getRaster().setSample(x, y, 0, 255 - grey.getRaster().getSample(x, y, 0));
            }
        }
        return inverted;
    }

    /** Mean of red, green and blue at (x, y): how dark a decoded picture is there, whatever its type. */
    static int grey(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }

    /** Writes the picture as {@code file} in {@code format}; a format ImageIO cannot write is an error, not a missing file. */
    static Path writeFile(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return file;
    }

    /** The picture after a round through a JPEG encoder at the given quality (0..1). */
    static BufferedImage jpegRoundTrip(BufferedImage image, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpegBytes(image, quality)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpegBytes(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
