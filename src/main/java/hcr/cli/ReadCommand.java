package hcr.cli;

import hcr.engine.ImageSource;
import hcr.engine.SourceEntry;
import hcr.image.ImageDecoder;
import hcr.io.AtomicWrite;
import hcr.read.LineReader;
import hcr.read.PictureReading;
import hcr.read.ReadFormat;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.Recogniser;
import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.ScoringModel;
import hcr.HcrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcr read}: the text of handwritten fields and lines, with every character's box and confidence. */
@Command(name = "read", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads lines of printed (non-cursive) handwriting, separated or touching, in pictures.",
                "Writes text, JSON (lines, words, characters with boxes, confidences, candidates), CSV (one row per"
                        + " character) or hOCR (ocrx_word / ocrx_cinfo, as Tesseract writes it). Pictures that cannot be"
                        + " read are listed in <output>.errors.csv (read.errors.csv when writing to stdout)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every picture was read", "1:failure (no pictures, missing model, I/O error, output not hcr's)",
                "2:usage error", "3:finished, but some pictures failed (see the errors file)"})
public final class ReadCommand implements Callable<Integer> {
    static final String STDOUT_ERRORS = "read.errors.csv";
    private static final int SNIFF = 4096;
    private static final String ERRORS_HEADER = "path,reason";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Pictures, or directories of pictures (sorted by name).")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "text, json, csv or hocr (default: ${DEFAULT-VALUE}).")
    ReadFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here (atomically) instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Replace --output even when it is not a file hcr read wrote.")
    boolean force;

    @Option(names = "--charset", paramLabel = "SET", defaultValue = Charset.DEFAULT_SPEC, converter = CharsetConverter.class,
            description = "Characters the field may contain: digits, upper, lower, letters, alnum, or a list such as 0-9A-F"
                    + " (default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--top", paramLabel = "K", defaultValue = "2",
            description = "Candidates kept per character in JSON (CSV always has the second) (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--recursive", description = "Also read subdirectories of a DIR.")
    boolean recursive;

    @Mixin
    ModelOptions models;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            description = "Reject pictures with more pixels than this, before decoding them (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Override
    public Integer call() {
        if (top < 1 || maxPixels < 1) {
            throw new ParameterException(spec.commandLine(), "--top and --max-pixels must be positive");
        }
        List<SourceEntry> entries = entries();
        if (entries.isEmpty()) {
            throw new HcrException("no pictures in " + inputs);
        }
        Path errorsPath = output != null ? hcr.engine.CsvResults.errorsFileFor(output) : Path.of(STDOUT_ERRORS);
        checkMayReplace();
        Backend runtime = models.runtime();
        Path modelPath = models.modelPath(runtime);
        List<PictureReading> read = new ArrayList<>();
        List<String[]> failed = new ArrayList<>();
        try (ScoringModel scorer = runtime.load(modelPath, new BackendOptions(1))) {
            LineReader reader = new LineReader(recogniser(scorer));
            ImageDecoder decoder = new ImageDecoder(maxPixels);
            for (SourceEntry entry : entries) {
                String name = entry.path().toString().replace('\\', '/');
                if (entry.problem().isPresent()) {
                    failed.add(new String[] {name, entry.problem().get()});
                    continue;
                }
                try {
                    read.add(decoder.decode(entry.path(), image -> reader.read(name, image)));
                } catch (RuntimeException | OutOfMemoryError e) {
                    failed.add(new String[] {name, Recogniser.reasonFor(e)});
                }
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String[] f : failed) {
            err.println("hcr: " + f[0] + ": " + f[1]);
        }
        writeResults(read);
        writeErrors(errorsPath, failed);
        err.flush();
        return failed.isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private List<SourceEntry> entries() {
        List<SourceEntry> entries = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                ImageSource.of(input, recursive).forEach(entries::add);
            } else if (Files.isRegularFile(input)) {
                entries.add(SourceEntry.picture(input));
            } else {
                entries.add(SourceEntry.unusable(input, "no such file or directory"));
            }
        }
        return entries;
    }

    private Recogniser recogniser(ScoringModel scorer) {
        try {
            return Recogniser.of(scorer, EmnistTranslator.withDefaults(), charset, top);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--charset: " + e.getMessage());
        }
    }

    /** hcr never replaces a file it did not write: the output must be absent, hcr's own in this format, or --force. */
    private void checkMayReplace() {
        if (output == null || force || !Files.exists(output)) {
            return;
        }
        String start;
        try (InputStream in = Files.newInputStream(output)) {
            start = new String(in.readNBytes(SNIFF), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HcrException("cannot read " + output + " to check it is hcr's: " + e.getMessage(), e);
        }
        if (!format.wroteThis(start)) {
            throw new HcrException(output + " exists and is not " + format.token() + " written by hcr read;"
                    + " choose another --output or add --force");
        }
    }

    private void writeResults(List<PictureReading> read) {
        if (output == null) {
            StringWriter text = new StringWriter();
            write(read, text);
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            AtomicWrite.write(output, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                write(read, writer);
                writer.flush();
            });
        } catch (IOException e) {
            throw new HcrException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    private void write(List<PictureReading> read, Writer writer) {
        try {
            format.write(read, writer);
        } catch (IOException e) {
            throw new HcrException("cannot write results: " + e.getMessage(), e);
        }
    }

    /** The errors file exists only when something failed; a stale one from an earlier run is removed. */
    private void writeErrors(Path errorsPath, List<String[]> failed) {
        try {
            if (failed.isEmpty()) {
                if (Files.isRegularFile(errorsPath) && Files.readString(errorsPath).startsWith(ERRORS_HEADER)) {
                    Files.delete(errorsPath);
                }
                return;
            }
            if (Files.exists(errorsPath) && !force && !Files.readString(errorsPath).startsWith(ERRORS_HEADER)) {
                throw new HcrException(errorsPath + " exists and is not an errors file hcr wrote; add --force to replace it");
            }
            AtomicWrite.write(errorsPath, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("path", "reason").get().print(writer);
                for (String[] f : failed) {
                    csv.printRecord((Object[]) f);
                }
                csv.flush();
            });
        } catch (IOException e) {
            throw new HcrException("cannot write " + errorsPath + ": " + e.getMessage(), e);
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ReadFormat> {
        @Override
        public ReadFormat convert(String value) {
            try {
                return ReadFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use text, json, csv or hocr");
            }
        }
    }
}
