package hcr.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** Loads EMNIST from wherever it is on disk: a directory, NIST's gzip.zip, or the emnist Python cache. */
public final class Emnist {
    /** File name of NIST's archive in hcr's cache. */
    public static final String NIST_ZIP = "gzip.zip";

    private Emnist() {
    }

    /** All images of one part, upright, with labels and the split's mapping file. */
    public static ImageSet load(Path source, String split, Part part) {
        return load(source, split, part, Integer.MAX_VALUE);
    }

    /** The first {@code limit} images only (fast smoke runs); the rest of the file is not read. */
    public static ImageSet load(Path source, String split, Part part, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        String imagesName = EmnistFiles.images(split, part);
        try (EmnistSource files = EmnistSource.open(source)) {
            Labels labels = readLabels(files, split, part, limit);
            IdxReader.Content images;
            try (InputStream in = files.open(imagesName)) {
                images = IdxReader.readImages(in, imagesName, limit);
            }
            labels.checkImageCount(images.declaredCount());
            return ImageSet.wrap(images.data(), labels.content().data(), labels.map());
        } catch (IOException e) {
            throw cannotRead(source, e);
        }
    }

    /** Image count and per-class counts of one part, reading the labels and only the header of the images. */
    public static PartSummary summarize(Path source, String split, Part part) {
        String imagesName = EmnistFiles.images(split, part);
        try (EmnistSource files = EmnistSource.open(source)) {
            Labels labels = readLabels(files, split, part, Integer.MAX_VALUE);
            try (InputStream in = files.open(imagesName)) {
                labels.checkImageCount(IdxReader.readImageCount(in, imagesName));
            }
            int[] perClass = new int[labels.map().size()];
            for (byte label : labels.content().data()) {
                perClass[label & 0xFF]++;
            }
            return new PartSummary(part, labels.content().data().length, labels.map(), perClass);
        } catch (IOException e) {
            throw cannotRead(source, e);
        }
    }

    /** The parts of {@code split} present (both images and labels) at {@code source}. */
    public static Set<Part> parts(Path source, String split) {
        try (EmnistSource files = EmnistSource.open(source)) {
            Set<Part> present = EnumSet.noneOf(Part.class);
            for (Part part : Part.values()) {
                if (files.has(EmnistFiles.images(split, part)) && files.has(EmnistFiles.labels(split, part))) {
                    present.add(part);
                }
            }
            return present;
        } catch (IOException e) {
            throw new DataException("cannot list EMNIST files in " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * hcr's cached download if present, else the emnist Python package's cache if present, else the
     * (missing) hcr cache path, so that loading from it fails with the hint to download.
     */
    public static Path defaultSource() {
        Path ours = UserCache.hcrDirectory().resolve(NIST_ZIP);
        Path python = UserCache.pythonEmnistZip();
        return !Files.isRegularFile(ours) && Files.isRegularFile(python) ? python : ours;
    }

    /** A part's labels with the split's mapping, checked against each other. */
    private record Labels(String split, Part part, IdxReader.Content content, LabelMap map) {
        void checkImageCount(int declaredImages) {
            if (declaredImages != content.declaredCount()) {
                throw new DataFormatException(String.format("%s holds %,d images but %s holds %,d labels",
                        EmnistFiles.images(split, part), declaredImages, EmnistFiles.labels(split, part), content.declaredCount()));
            }
        }
    }

    private static Labels readLabels(EmnistSource files, String split, Part part, int limit) throws IOException {
        LabelMap map = readMapping(files, split);
        String name = EmnistFiles.labels(split, part);
        IdxReader.Content content;
        try (InputStream in = files.open(name)) {
            content = IdxReader.readLabels(in, name, limit);
        }
        checkLabelsFit(content.data(), map, name, split);
        return new Labels(split, part, content, map);
    }

    private static LabelMap readMapping(EmnistSource files, String split) throws IOException {
        String name = EmnistFiles.mapping(split);
        try (InputStream in = files.open(name)) {
            return MappingFile.parse(in, name);
        }
    }

    /** A label beyond the mapping usually means the mapping file of another split sits beside the data. */
    private static void checkLabelsFit(byte[] labels, LabelMap labelMap, String labelsName, String split) {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= labelMap.size()) {
                throw new DataFormatException(String.format(
                        "%s: label %d at index %,d, but %s maps only %d classes (0-%d); is it the mapping of another split?",
                        labelsName, label, i, EmnistFiles.mapping(split), labelMap.size(), labelMap.size() - 1));
            }
        }
    }

    private static DataException cannotRead(Path source, IOException e) {
        return new DataException("cannot read EMNIST from " + source + ": " + e.getMessage(), e);
    }
}
