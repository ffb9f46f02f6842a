import hcr.image.ImageDecoder;
import hcr.recognise.EmnistTranslator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Thread CPU per picture of decoding alone and of decoding plus the EMNIST recipe, on one thread,
 * best of N passes over each directory: CPU time, not wall time, so a loaded machine still gives
 * comparable figures. Run it with the launcher's JIT and collector to measure what `hcr infer` runs:
 *
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/hcr.jar tools/bench/PictureCpu.java PASSES DIR...
 */
public class PictureCpu {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PictureCpu PASSES DIR...");
            System.exit(2);
        }
        int passes = Integer.parseInt(args[0]);
        ImageDecoder decoder = ImageDecoder.withDefaults();
        EmnistTranslator translator = new EmnistTranslator(decoder);
        float[] out = new float[784];
        for (int a = 1; a < args.length; a++) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(Path.of(args[a]))) {
                files = listing.filter(ImageDecoder::isSupported).sorted().toList();
            }
            double decode = best(passes, files, file -> decoder.decode(file));
            double total = best(passes, files, file -> translator.translate(file, out, 0));
            System.out.printf("%s (%d pictures): decode %.0f us, decode + preprocess %.0f us CPU a picture%n",
                    Path.of(args[a]).getFileName(), files.size(), decode, total);
        }
    }

    private interface Step {
        void run(Path file);
    }

    private static double best(int passes, List<Path> files, Step step) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < passes; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (Path file : files) {
                try {
                    step.run(file);
                } catch (RuntimeException e) {
                    // a picture hcr refuses costs what it costs; the figure is per picture tried
                }
            }
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e3 / files.size());
        }
        return best;
    }
}
