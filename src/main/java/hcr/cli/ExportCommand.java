package hcr.cli;

import hcr.export.OnnxExporter;
import hcr.export.SavedModelCopy;
import java.nio.file.Path;
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
                        + " the model card is also written beside the file.",
                "savedmodel: copies the SavedModel directory (atomically) to --output."})
public final class ExportCommand implements Callable<Integer> {

    enum Format { onnx, savedmodel }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "onnx", description = "onnx or savedmodel (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--model", paramLabel = "DIR", description = "SavedModel directory (default: <home>/saved_model)")
    Path model;

    @Option(names = "--output", paramLabel = "PATH",
            description = "file (onnx; default: <home>/onnx/hcr.onnx) or directory (savedmodel; required)")
    Path output;

    @Override
    public Integer call() {
        Path home = Path.of(System.getProperty("hcr.home", "."));
        Path from = model != null ? model : home.resolve("saved_model");
        switch (format) {
            case onnx -> {
                Path to = output != null ? output : home.resolve("onnx/hcr.onnx");
                OnnxExporter.ExportSummary s = OnnxExporter.export(from, to);
                spec.commandLine().getOut().printf("wrote %s (%,d bytes, %d ONNX nodes, %d initializers, %d classes)%n",
                        s.file(), s.bytes(), s.nodes(), s.initializers(), s.classes());
            }
            case savedmodel -> {
                if (output == null) {
                    throw new ParameterException(spec.commandLine(), "--format savedmodel needs --output DIR");
                }
                SavedModelCopy.copy(from, output);
                spec.commandLine().getOut().printf("copied %s to %s%n", from, output);
            }
        }
        return ExitCode.OK;
    }
}
