package hcr.cli;

import hcr.engine.Inputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** Options mixin: the pictures a command reads, given as arguments or with {@code -i} (both repeatable). */
final class PictureInputs {
    @Parameters(paramLabel = "FILE|DIR", arity = "0..*",
            description = "Pictures, or directories of pictures (png, jpg, jpeg, bmp, gif, tif, tiff, webp);"
                    + " hidden files and macOS ._* files in a directory are skipped.")
    List<Path> arguments = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "FILE|DIR", description = "Same as an argument (repeatable).")
    List<Path> options = new ArrayList<>();

    @Option(names = {"-r", "--recursive"}, description = "Also read subdirectories (symbolic links followed, loops reported).")
    boolean recursive;

    /** Every input in the order given: options first, then arguments. */
    List<Path> paths(CommandSpec spec) {
        List<Path> all = new ArrayList<>(options);
        all.addAll(arguments);
        if (all.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "no input: give pictures or directories, e.g. hcr infer tools/samples (or --input DIR)");
        }
        return all;
    }

    Inputs open(CommandSpec spec) {
        return new Inputs(paths(spec), recursive);
    }
}
