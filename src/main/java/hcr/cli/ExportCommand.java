package hcr.cli;

import hcr.export.OnnxExporter;
import hcr.export.SavedModelCopy;
import hcr.io.NoClobber;
import hcr.io.OutputRefusedException;
import hcr.runtime.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hcr export}: the trained SavedModel as an ONNX file, or re-saved elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports a trained model.",
                "onnx: converts the SavedModel's graph op by op to ONNX (opset 17) with labels and model card in its metadata;"
                        + " the model card is also written beside the file as <name>.model-card.json.",
                "savedmodel: copies the SavedModel directory (atomically) to --output.",
                "Replaces only what hcr exported before (or an empty file or directory) unless --force;"
                        + " never the shipped model without --force, never the model read or a directory holding it or the working directory."})
public final class ExportCommand implements Callable<Integer> {
    static final String DEFAULT_ONNX = "hcr.onnx";

    enum Format { onnx, savedmodel }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "onnx|savedmodel", defaultValue = "onnx", description = "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--model", paramLabel = "DIR", description = "SavedModel directory (default: <home>/saved_model)")
    Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "file (onnx; default: ./" + DEFAULT_ONNX + ") or directory (savedmodel; required)")
    Path output;

    @Option(names = "--force", description = "Replace an output hcr did not write, or the shipped model.")
    boolean force;

    @Override
    public Integer call() {
        Path home = HcrHome.locate();
        Path from = model != null ? model : home.resolve("saved_model");
        NoClobber policy = new NoClobber(force, List.of(from), p -> true);
        switch (format) {
            case onnx -> {
                Path to = output != null ? output : Path.of(DEFAULT_ONNX);
                refuseShipped(to, home.resolve("onnx"));
                policy.checkFile(to, ModelFiles.onnxFile());
                policy.checkFile(ModelFiles.cardBeside(to), ModelFiles.card());
                OnnxExporter.ExportSummary s = OnnxExporter.export(from, to);
                spec.commandLine().getOut().printf("wrote %s (%,d bytes, %d ONNX nodes, %d initializers, %d classes)%n",
                        s.file(), s.bytes(), s.nodes(), s.initializers(), s.classes());
            }
            case savedmodel -> {
                if (output == null) {
                    throw new ParameterException(spec.commandLine(), "--format savedmodel needs --output DIR");
                }
                refuseShipped(output, home.resolve("saved_model"));
                policy.checkDirectory(output, ModelFiles.modelDirectory());
                SavedModelCopy.copy(from, output);
                spec.commandLine().getOut().printf("copied %s to %s%n", from, output);
            }
        }
        return ExitCode.OK;
    }

    /** The shipped models are what every other command falls back on: replacing one takes --force. */
    private void refuseShipped(Path target, Path shipped) {
        Path t = target.toAbsolutePath().normalize();
        Path s = shipped.toAbsolutePath().normalize();
        if (!force && Files.exists(t) && (t.startsWith(s))) {
            throw new OutputRefusedException("refusing to replace the shipped model " + target
                    + ": use --force, or choose another --output");
        }
    }
}
