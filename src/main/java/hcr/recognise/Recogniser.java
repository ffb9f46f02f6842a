package hcr.recognise;

import hcr.HcrException;
import hcr.image.EmnistTensor;
import hcr.image.ImageRejectedException;
import hcr.runtime.ImageBatch;
import hcr.runtime.ModelException;
import hcr.runtime.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The recognition core every door calls (DJL's Predictor): encoded pictures or ready tensors in,
 * typed answers out, through one model, one translator and one labeller. It knows nothing of
 * files, sockets or Spark. Thread-safe: each call works on buffers of its own, and the model may be
 * scored from several threads at once.
 *
 * <p>A picture that cannot be used becomes an {@link Outcome.Failed} with the reason; the others in
 * the same call are still scored. Decoding runs on the calling thread, so a door decides its own
 * parallelism (request threads, Spark tasks).
 */
public final class Recogniser {
    /** Largest number of images handed to the model in one call. */
    public static final int MAX_BATCH = 256;

    private final ScoringModel model;
    private final InputTranslator translator;
    private final Labeller labeller;

    public Recogniser(ScoringModel model, InputTranslator translator, Labeller labeller) {
        if (labeller.labelCount() != model.labels().size()) {
            throw new IllegalArgumentException("labeller has " + labeller.labelCount() + " labels, the model "
                    + model.labels().size());
        }
        this.model = model;
        this.translator = translator;
        this.labeller = labeller;
    }

    /** The shipped recipe with the given charset and number of candidates. */
    public static Recogniser of(ScoringModel model, InputTranslator translator, Charset charset, int topK) {
        return new Recogniser(model, translator, new Labeller(model.labels(), topK, charset));
    }

    public ScoringModel model() {
        return model;
    }

    public InputTranslator translator() {
        return translator;
    }

    public Labeller labeller() {
        return labeller;
    }

    /** Decodes, preprocesses and scores each picture; one outcome per picture, in order. */
    public List<Outcome> recognise(List<Picture> pictures) {
        int n = pictures.size();
        float[] tensors = new float[n * EmnistTensor.PIXELS];
        String[] problems = new String[n];
        int good = 0;
        int[] rowOf = new int[n];
        for (int i = 0; i < n; i++) {
            String problem = translate(pictures.get(i).bytes(), tensors, good * EmnistTensor.PIXELS);
            if (problem == null) {
                rowOf[i] = good++;
            } else {
                problems[i] = problem;
                rowOf[i] = -1;
            }
        }
        List<Recognition> recognised = recogniseTensors(tensors, good);
        List<Outcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = pictures.get(i).name();
            outcomes.add(rowOf[i] >= 0
                    ? new Outcome.Recognised(name, recognised.get(rowOf[i]))
                    : new Outcome.Failed(name, problems[i]));
        }
        return outcomes;
    }

    /** One picture; failures come back as {@link Outcome.Failed}, never as exceptions. */
    public Outcome recognise(Picture picture) {
        return recognise(List.of(picture)).get(0);
    }

    /**
     * Scores {@code count} images already in the tensor contract, read from {@code tensors[0 ..]}.
     */
    public List<Recognition> recogniseTensors(float[] tensors, int count) {
        float[] probabilities = probabilities(tensors, count);
        List<Recognition> out = new ArrayList<>(count);
        int labels = labeller.labelCount();
        for (int i = 0; i < count; i++) {
            float[] seen = new float[EmnistTensor.PIXELS];
            System.arraycopy(tensors, i * EmnistTensor.PIXELS, seen, 0, EmnistTensor.PIXELS);
            out.add(new Recognition(labeller.candidates(probabilities, i * labels), seen));
        }
        return out;
    }

    /**
     * The model's raw probabilities, row-major [count][labels], for images in the tensor contract;
     * no charset applied (the v2 protocol's output tensor).
     */
    public float[] probabilities(float[] tensors, int count) {
        if (tensors.length < count * EmnistTensor.PIXELS) {
            throw new IllegalArgumentException(count + " images need " + count * EmnistTensor.PIXELS
                    + " floats, got " + tensors.length);
        }
        int labels = labeller.labelCount();
        float[] all = new float[count * labels];
        ImageBatch batch = ImageBatch.allocate(Math.max(1, Math.min(count, MAX_BATCH)));
        for (int start = 0; start < count; start += batch.capacity()) {
            int end = Math.min(count, start + batch.capacity());
            batch.clear();
            for (int i = start; i < end; i++) {
                batch.add(tensors, i * EmnistTensor.PIXELS);
            }
            float[] scored = model.score(batch);
            if (scored.length != batch.size() * labels) {
                throw new ModelException(String.format(Locale.ROOT,
                        "the model returned %d probabilities for %d images of %d labels",
                        scored.length, batch.size(), labels));
            }
            System.arraycopy(scored, 0, all, start * labels, scored.length);
        }
        return all;
    }

    /** @return null when the picture became a tensor, else why it could not */
    private String translate(byte[] picture, float[] out, int offset) {
        try {
            translator.translate(picture, out, offset);
            return null;
        } catch (RuntimeException | OutOfMemoryError e) {
            return reasonFor(e);
        }
    }

    /**
     * The short reason a user sees when translating one picture threw: the picture's own problem
     * when it is one hcr knows, else the exception, so a decoder bug on one odd picture is
     * reported and the others go on.
     */
    public static String reasonFor(Throwable e) {
        if (e instanceof ImageRejectedException rejected) {
            return rejected.reason();
        }
        if (e instanceof HcrException known) {
            return known.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory while decoding";
        }
        return "cannot process: " + e;
    }
}
