package hcr.cli;

import hcr.data.DataNotFoundException;
import hcr.data.Emnist;
import hcr.data.LabelMap;
import hcr.data.Part;
import hcr.data.PartSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hcr data info}: which parts a source holds, and how many images per part and per class. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Shows the parts (train, test, dev, extra) found in an EMNIST source, "
                + "with image counts per part and per class.")
public final class DataInfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataSourceOptions source;

    @Option(names = "--check", description = "Also read every image, to find truncated or corrupt files (prints the read time).")
    boolean check;

    @Override
    public Integer call() {
        Path from = source.source();
        Set<Part> parts = Emnist.parts(from, source.split);
        if (parts.isEmpty()) {
            throw new DataNotFoundException("no emnist-" + source.split + "-*-images-idx3-ubyte[.gz] files in " + from
                    + ": check --split, or run `hcr data download`");
        }
        List<PartSummary> summaries = new ArrayList<>();
        for (Part part : parts) {
            summaries.add(Emnist.summarize(from, source.split, part));
        }
        print(from, summaries, spec.commandLine().getOut());
        if (check) {
            checkImages(from, parts);
        }
        return ExitCode.OK;
    }

    private void checkImages(Path from, Set<Part> parts) {
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        for (Part part : parts) {
            long start = System.nanoTime();
            int images = Emnist.load(from, source.split, part).size();
            out.printf(Locale.ROOT, "%-6s all %,d images read in %.2f s%n", part.token(), images, (System.nanoTime() - start) / 1e9);
            out.flush();
        }
    }

    private void print(Path from, List<PartSummary> summaries, PrintWriter out) {
        LabelMap labels = summaries.get(0).labelMap();
        out.printf("source: %s%nsplit:  %s (%d classes)%n%n", from, source.split, labels.size());
        out.printf("%-6s %10s%n", "part", "images");
        for (PartSummary summary : summaries) {
            out.printf("%-6s %,10d%n", summary.part().token(), summary.images());
        }
        out.printf("%n%-5s %-4s", "class", "char");
        for (PartSummary summary : summaries) {
            out.printf(" %9s", summary.part().token());
        }
        out.println();
        for (int label = 0; label < labels.size(); label++) {
            out.printf("%5d %-4s", label, labels.character(label));
            for (PartSummary summary : summaries) {
                out.printf(" %,9d", summary.count(label)); // one mapping file per split: same classes in every part
            }
            out.println();
        }
        out.flush();
    }
}
