package hcr.engine;

import hcr.image.EmnistTensor;
import hcr.io.AtomicWrite;
import hcr.io.NoClobber;
import hcr.io.OsReason;
import hcr.io.OutputRefusedException;
import hcr.io.Ownership;
import hcr.recognise.InputTranslator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code hcr infer --debug-dir DIR}: beside every prediction, the 28x28 picture the model was
 * shown, as a PNG (ink white on black, as EMNIST), so a user can see why a picture was misread.
 * A picture's file is named after its path: {@code DIR/<input name>/<path inside it>.tensor.png},
 * the input name being the last part of the file or directory given (prefixed with its position
 * when two inputs share a name). Each file is written atomically; a file that cannot be written
 * is reported and the picture is still recognised.
 *
 * <p>DIR is hcr's own once it holds {@link #MARKER}: it may then be written again without
 * {@code --force}, as long as every file in it is one hcr writes there. It may not lie inside an
 * input directory, where its pictures would be read as input the next time.
 */
public final class DebugPictures implements InputTranslator {
    public static final String MARKER = "hcr-debug.txt";
    public static final String SUFFIX = ".tensor.png";

    private final InputTranslator inner;
    private final Path dir;
    private final List<Path> inputs;
    private final List<String> names;
    private final BiConsumer<Path, String> problems;

    /**
     * @param problems hears a picture and why its debug file could not be written
     */
    public DebugPictures(InputTranslator inner, Path dir, List<Path> inputs, BiConsumer<Path, String> problems) {
        this.inner = inner;
        this.dir = dir;
        this.inputs = List.copyOf(inputs);
        this.names = namesOf(this.inputs);
        this.problems = problems;
    }

    /** What hcr writes into a debug directory, for {@link NoClobber}: the marker and tensor pictures only. */
    public static Ownership ownership() {
        return Ownership.of("an hcr debug directory (" + MARKER + " and *" + SUFFIX + " files only)", existing -> {
            if (!Files.isRegularFile(existing.resolve(MARKER))) {
                return false;
            }
            try (Stream<Path> all = Files.walk(existing)) {
                return all.filter(p -> !Files.isDirectory(p))
                        .allMatch(p -> p.getFileName().toString().endsWith(SUFFIX) || p.equals(existing.resolve(MARKER)));
            }
        });
    }

    /** Before any work: DIR may be written, and is marked as hcr's. */
    public void prepare(NoClobber policy) {
        for (Path input : inputs) {
            if (Files.isDirectory(input) && canonical(dir).startsWith(canonical(input))) {
                throw new OutputRefusedException("refusing to write debug pictures to " + dir + " inside the input " + input
                        + ": they would be read as pictures next time");
            }
        }
        policy.checkDirectory(dir, ownership());
        try {
            Files.createDirectories(dir);
            AtomicWrite.write(dir.resolve(MARKER), out -> out.write(("hcr infer --debug-dir: the 28x28 picture the model"
                    + " was shown for each input, named after the input's path with " + SUFFIX + ".\n")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new OutputRefusedException("cannot write " + dir + ": " + OsReason.of(e));
        }
    }

    @Override
    public void translate(Path file, float[] out, int offset) {
        inner.translate(file, out, offset);
        Path target = target(file);
        try {
            BufferedImage picture = picture(out, offset);
            AtomicWrite.write(target, stream -> ImageIO.write(picture, "png", stream));
        } catch (IOException | RuntimeException e) {
            // The prediction matters more than its debug picture: report, and carry on.
            problems.accept(file, "cannot write " + target + ": " + (e instanceof IOException io ? OsReason.of(io) : e));
        }
    }

    @Override
    public void translate(byte[] picture, float[] out, int offset) {
        inner.translate(picture, out, offset);
    }

    /** Where the debug picture of {@code file} goes. */
    Path target(Path file) {
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            if (file.equals(input)) {
                return dir.resolve(names.get(i) + SUFFIX);
            }
            if (file.startsWith(input) && !file.equals(input)) {
                return dir.resolve(names.get(i)).resolve(input.relativize(file).toString() + SUFFIX);
            }
        }
        return dir.resolve(file.getFileName() + SUFFIX);
    }

    /** The 784 floats as an 8-bit grey picture, 0 black to 1 white. */
    static BufferedImage picture(float[] tensor, int offset) {
        BufferedImage image = new BufferedImage(EmnistTensor.SIDE, EmnistTensor.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < EmnistTensor.PIXELS; i++) {
            pixels[i] = (byte) Math.round(255 * Math.max(0f, Math.min(1f, tensor[offset + i])));
        }
        return image;
    }

    /** Each input's last name part; inputs sharing one get their position in front ("2-scans"). */
    private static List<String> namesOf(List<Path> inputs) {
        List<String> plain = new ArrayList<>();
        for (Path input : inputs) {
            Path name = canonical(input).getFileName();
            plain.add(name == null ? "root" : name.toString());
        }
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (String name : plain) {
            if (!seen.add(name)) {
                shared.add(name);
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            names.add(shared.contains(plain.get(i)) ? (i + 1) + "-" + plain.get(i) : plain.get(i));
        }
        return names;
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
