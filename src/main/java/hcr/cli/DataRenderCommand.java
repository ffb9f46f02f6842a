package hcr.cli;

import hcr.HcrException;
import hcr.data.Emnist;
import hcr.data.EmnistRenderer;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import hcr.data.RenderStyle;
import hcr.io.NoClobber;
import hcr.io.OsReason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hcr data render}: EMNIST images as picture files a person would hand to {@code hcr infer}. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes the first N images of a part (or of the dev holdout) as picture files, "
                        + "with labels.csv (file,label,char) beside them.",
                "Styles: plain28 (the 28x28 image, white on black, PNG), scan (black on white, 4x with margin, JPEG), "
                        + "photo (dark ink on grey paper, random size and place on 256x256, mild noise, PNG); "
                        + "the photo under uneven light: gradient (120 grey levels across), vignette, shadow (a soft edge); "
                        + "the photo on printed lines: ruled, squared (light blue), boxed (a form box around the character)."})
public final class DataRenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataSourceOptions source;

    @Option(names = "--part", paramLabel = "train|test|dev|extra", converter = PartConverter.class,
            description = "train, test, dev or extra. Default: test if the source has it, else dev; dev with --holdout.")
    Part part;

    @Option(names = "--holdout", description = "Only holdout images of the dev file (index i with i %% 10 == 0).")
    boolean holdout;

    @Option(names = "--count", defaultValue = "20", paramLabel = "N", description = "Images to write. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--style", defaultValue = "plain28", paramLabel = "STYLE", converter = StyleConverter.class,
            description = "plain28, scan, photo, gradient, vignette, shadow, ruled, squared or boxed. Default: ${DEFAULT-VALUE}.")
    RenderStyle style;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the photo styles' random paper, ink, size and place. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Directory to write the pictures and labels.csv to; an earlier render there is replaced whole.")
    Path out;

    @Option(names = "--force", description = "Replace DIR even if hcr did not render it (everything in it is deleted).")
    boolean force;

    @Override
    public Integer call() {
        if (count <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be positive");
        }
        Part chosen = choosePart();
        // Never a directory holding the EMNIST files being read, nor the working directory.
        new NoClobber(force, List.of(source.source()), p -> false).checkDirectory(out, EmnistRenderer.ownership());
        Holdout protocol = Holdout.everyTenth();
        // Read only as far as the last image needed: the holdout's N-th image is at index (N-1) * 10.
        int needed = holdout ? (int) Math.min(Integer.MAX_VALUE, (count - 1L) * protocol.modulus() + 1) : count;
        ImageSet images = Emnist.load(source.source(), source.split, chosen, needed);
        int[] indices = holdout ? protocol.holdoutIndices(images.size()) : IntStream.range(0, images.size()).toArray();

        try (ProgressBar bar = new ProgressBar("render", indices.length, "images")) {
            new EmnistRenderer(style, seed).replaceAll(images, indices, chosen.token(), out, new ProgressBarListener(bar));
        } catch (IOException e) {
            throw new HcrException("cannot write pictures to " + out + ": " + OsReason.of(e), e);
        }
        spec.commandLine().getOut().printf("wrote %,d %s images (%s%s) and %s to %s%n", indices.length, style.token(),
                chosen.token(), holdout ? " holdout" : "", EmnistRenderer.LABELS_FILE, out);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private Part choosePart() {
        if (holdout) {
            if (part != null && part != Part.DEV) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--holdout selects images of the dev part, not " + part.token());
            }
            return Part.DEV;
        }
        if (part != null) {
            return part;
        }
        return Emnist.parts(source.source(), source.split).contains(Part.TEST) ? Part.TEST : Part.DEV;
    }

    /** Accepts the style names in lower case, as the help shows them. */
    static final class StyleConverter implements CommandLine.ITypeConverter<RenderStyle> {
        @Override
        public RenderStyle convert(String value) {
            try {
                return RenderStyle.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a style: use one of "
                        + java.util.Arrays.stream(RenderStyle.values()).map(RenderStyle::token)
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
    }
}
