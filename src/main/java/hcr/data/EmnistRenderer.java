package hcr.data;

import hcr.io.AtomicWrite;
import hcr.io.FileTrees;
import hcr.io.Ownership;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Turns EMNIST images into ordinary picture files a person would hand to {@code hcr infer}, with a
 * {@code labels.csv} (file,label,char) beside them. Each picture depends only on the seed and the
 * image's index, so a rendered set can be reproduced image by image.
 */
public final class EmnistRenderer {
    public static final String LABELS_FILE = "labels.csv";
    private static final int SCAN_SCALE = 4;
    private static final int SCAN_MARGIN = 16;
    private static final int PHOTO_CANVAS = 256;
    private static final float JPEG_QUALITY = 0.9f;
    private static final Pattern RENDERED_NAME = Pattern.compile("[a-z]+-\\d{6,}\\.(png|jpg)");

    private final RenderStyle style;
    private final long seed;

    public EmnistRenderer(RenderStyle style, long seed) {
        this.style = style;
        this.seed = seed;
    }

    /** Image {@code index} of {@code set} as a picture in this renderer's style. */
    public BufferedImage render(ImageSet set, int index) {
        return switch (style) {
            case PLAIN28 -> plain28(set, index);
            case SCAN -> scan(set, index);
            default -> photo(set, index, style, new Random(seed * 1_000_003L + index));
        };
    }

    /** What a directory of rendered pictures holds, and nothing else: the no-clobber policy's test of hcr's own. */
    public static Ownership ownership() {
        return Ownership.directory("a directory hcr rendered (" + LABELS_FILE + " and <part>-NNNNNN pictures only)",
                LABELS_FILE, name -> name.equals(LABELS_FILE) || RENDERED_NAME.matcher(name).matches());
    }

    /**
     * Renders into a new hidden directory beside {@code directory}, then puts it in place of the
     * old one: no picture of an earlier render survives beside the new labels.csv, and a failed
     * run leaves the old directory as it was. The caller checks the no-clobber policy first.
     */
    public List<Path> replaceAll(ImageSet set, int[] indices, String prefix, Path directory, ProgressListener progress)
            throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path staging = Files.createDirectory(target.resolveSibling(
                "." + target.getFileName() + ".rendering-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
        try {
            List<Path> staged = writeAll(set, indices, prefix, staging, progress);
            FileTrees.replace(staging, target);
            return staged.stream().map(p -> directory.resolve(p.getFileName().toString())).toList();
        } finally {
            FileTrees.deleteTree(staging);
        }
    }

    /**
     * Writes the images at {@code indices} into {@code directory} as {@code <prefix>-<index>.<ext>}
     * plus {@code labels.csv}; returns the picture files in order.
     */
    public List<Path> writeAll(ImageSet set, int[] indices, String prefix, Path directory, ProgressListener progress)
            throws IOException {
        Files.createDirectories(directory);
        progress.total(indices.length);
        List<Path> files = new ArrayList<>(indices.length);
        for (int k = 0; k < indices.length; k++) {
            Path file = directory.resolve(String.format("%s-%06d.%s", prefix, indices[k], style.extension()));
            BufferedImage picture = render(set, indices[k]);
            AtomicWrite.write(file, out -> encode(picture, out));
            files.add(file);
            progress.done(k + 1);
        }
        writeLabels(set, indices, files, directory.resolve(LABELS_FILE));
        return files;
    }

    private static void writeLabels(ImageSet set, int[] indices, List<Path> files, Path csv) throws IOException {
        AtomicWrite.write(csv, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("file", "label", "char").get());
            for (int k = 0; k < indices.length; k++) {
                int label = set.label(indices[k]);
                printer.printRecord(files.get(k).getFileName(), label, set.labelMap().character(label));
            }
            printer.flush();
        });
    }

    /** Writes a rendered picture in this style's file format (PNG, or JPEG for scans), as {@link #writeAll} does. */
    public void encode(BufferedImage picture, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(style.extension()).next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (style == RenderStyle.SCAN) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage plain28(ImageSet set, int index) {
        BufferedImage image = new BufferedImage(ImageSet.SIDE, ImageSet.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = new byte[ImageSet.PIXELS];
        set.copyTo(index, pixels, 0);
        image.getRaster().setDataElements(0, 0, ImageSet.SIDE, ImageSet.SIDE, pixels);
        return image;
    }

    private static BufferedImage scan(ImageSet set, int index) {
        int side = ImageSet.SIDE * SCAN_SCALE + 2 * SCAN_MARGIN;
        BufferedImage page = blank(side, side, 255);
        paste(page, inverted(plain28(set, index)), SCAN_MARGIN, SCAN_MARGIN, ImageSet.SIDE * SCAN_SCALE);
        return page;
    }

    /**
     * Ink between near-black and dark grey on paper between light grey and off-white; the other
     * photo styles add their lighting and printed lines to the same paper, ink, size and place
     * (drawn first from the same random sequence, so the plain photo stays as it always was).
     */
    private static BufferedImage photo(ImageSet set, int index, RenderStyle style, Random random) {
        int paper = 185 + random.nextInt(50);
        int ink = 20 + random.nextInt(60);
        int size = 56 + random.nextInt(PHOTO_CANVAS / 2);
        int x = random.nextInt(PHOTO_CANVAS - size + 1);
        int y = random.nextInt(PHOTO_CANVAS - size + 1);
        BufferedImage glyph = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        paste(glyph, plain28(set, index), 0, 0, size);
        PhotoConditions conditions = PhotoConditions.draw(style, random, paper, x, y, size, PHOTO_CANVAS);

        BufferedImage photo = new BufferedImage(PHOTO_CANVAS, PHOTO_CANVAS,
                conditions.coloured() ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = photo.getRaster();
        double[] rgb = new double[3];
        for (int row = 0; row < PHOTO_CANVAS; row++) {
            for (int column = 0; column < PHOTO_CANVAS; column++) {
                boolean inGlyph = row >= y && row < y + size && column >= x && column < x + size;
                double coverage = inGlyph ? glyph.getRaster().getSample(column - x, row - y, 0) / 255.0 : 0;
                conditions.paper(column, row, rgb);
                double light = conditions.light(column, row);
                double noise = random.nextGaussian() * 4;
                for (int band = 0; band < out.getNumBands(); band++) {
                    double value = (rgb[band] + (ink - rgb[band]) * coverage) * light + noise;
                    out.setSample(column, row, band, (int) Math.max(0, Math.min(255, Math.round(value))));
                }
            }
        }
        return photo;
    }

    private static BufferedImage blank(int width, int height, int grey) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(grey, grey, grey));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static BufferedImage inverted(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        for (int row = 0; row < image.getHeight(); row++) {
            for (int column = 0; column < image.getWidth(); column++) {
                raster.setSample(column, row, 0, 255 - raster.getSample(column, row, 0));
            }
        }
        return image;
    }

    private static void paste(BufferedImage target, BufferedImage source, int x, int y, int side) {
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(source, x, y, side, side, null);
        g.dispose();
    }
}
