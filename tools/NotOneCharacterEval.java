import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.LineRenderer;
import hcr.data.LineRenderer.Alphabet;
import hcr.data.LineRenderer.Spacing;
import hcr.data.Part;
import hcr.image.EmnistPreprocessor;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.Note;
import hcr.recognise.Recogniser;
import hcr.recognise.Recognition;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ScoringModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How often infer's notes fire: on single EMNIST characters (raw tensors, and rendered as picture
 * files, as LineRenderer draws strings, one character long) they should not; on two characters
 * side by side (LineRenderer's spaced, tight and touching gaps) "several characters" should.
 *
 *   java -cp target/hcr.jar tools/NotOneCharacterEval.java [pool|holdout] [COUNT]   (defaults pool 2000)
 *
 * Tune only on the pool; the holdout is for the reported figures.
 */
public class NotOneCharacterEval {
    public static void main(String[] args) throws Exception {
        String pool = args.length > 0 ? args[0] : "pool";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        ImageSet images = Emnist.load(Path.of("../shared/emnist"), "byclass", Part.DEV);
        Holdout holdout = Holdout.everyTenth();
        int[] indices = pool.equals("holdout") ? holdout.holdoutIndices(images.size()) : holdout.poolIndices(images.size());
        EmnistPreprocessor preprocessor = new EmnistPreprocessor();
        Map<String, float[]> sets = new LinkedHashMap<>();
        int singles = Math.min(count * 5, indices.length);
        float[] raw = new float[singles * 784];
        for (int i = 0; i < singles; i++) {
            images.copyTo(indices[i], raw, i * 784);
        }
        sets.put("one character, raw tensor", raw);
        sets.put("one character, rendered", render(images, indices, Spacing.SPACED, 1, count, preprocessor));
        for (Spacing spacing : Spacing.values()) {
            sets.put("two characters, " + spacing.token(), render(images, indices, spacing, 2, count, preprocessor));
        }
        try (ScoringModel scorer = Backends.named("onnx").load(Path.of("onnx/hcr.onnx"), new BackendOptions(2))) {
            Recogniser core = Recogniser.of(scorer, EmnistTranslator.withDefaults(), Charset.parse("alnum"), 1);
            System.out.printf(Locale.ROOT, "%s images, seed 13%n%n| pictures | n | several characters | unsure | any note |%n|---|---:|---:|---:|---:|%n", pool);
            for (Map.Entry<String, float[]> set : sets.entrySet()) {
                int n = set.getValue().length / 784;
                int several = 0;
                int unsure = 0;
                for (Recognition r : core.recogniseTensors(set.getValue(), n)) {
                    Optional<Note> note = r.note();
                    several += note.filter(x -> x.kind() == Note.Kind.SEVERAL_CHARACTERS).isPresent() ? 1 : 0;
                    unsure += note.filter(x -> x.kind() == Note.Kind.UNSURE).isPresent() ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "| %s | %,d | %.3f | %.3f | %.3f |%n", set.getKey(), n,
                        (double) several / n, (double) unsure / n, (double) (several + unsure) / n);
            }
        }
    }

    private static float[] render(ImageSet images, int[] indices, Spacing spacing, int length, int count,
                                  EmnistPreprocessor preprocessor) {
        LineRenderer renderer = new LineRenderer(images, indices, Alphabet.MIXED, spacing, 13);
        float[] tensors = new float[count * 784];
        for (int i = 0; i < count; i++) {
            preprocessor.toTensor(renderer.render(i, length).picture(), tensors, i * 784);
        }
        return tensors;
    }
}
