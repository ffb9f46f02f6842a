package hcr.read;

import hcr.image.EmnistPreprocessor;
import hcr.image.EmnistTensor;
import hcr.image.InkMap;
import hcr.image.NoInkException;
import hcr.recognise.Labeller;
import hcr.recognise.Recogniser;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads lines of separated or touching printed handwriting: blobs → lines → atoms → the best
 * grouping of atoms into characters → case from the line's geometry → words. Every candidate is
 * scored by the recognition core, through the same EMNIST recipe as a single-character picture,
 * with the core's charset and number of candidates. Thread-safe.
 */
public final class LineReader {
    /** The score of a candidate with no solid ink: finite, so that a path through it still exists. */
    private static final double UNUSABLE = -1e6;

    private final Recogniser recogniser;
    private final PathDecoder decoder;
    private final boolean useContext;
    private final ShapePrior shapes;
    private final EmnistPreprocessor recipe = new EmnistPreprocessor();

    public LineReader(Recogniser recogniser) {
        this(recogniser, PathDecoder.Weights.DEFAULT, true);
    }

    /** @param useContext false reads each character from its crop alone (to measure what context adds) */
    public LineReader(Recogniser recogniser, boolean useContext) {
        this(recogniser, PathDecoder.Weights.DEFAULT, useContext);
    }

    LineReader(Recogniser recogniser, PathDecoder.Weights weights, boolean useContext) {
        this.recogniser = recogniser;
        this.decoder = new PathDecoder(weights);
        this.useContext = useContext;
        this.shapes = new ShapePrior(recogniser.labeller().labels());
    }

    /** Reads a decoded picture under its name, with its size, as the output formats write it. */
    public PictureReading read(String name, BufferedImage picture) {
        return new PictureReading(name, picture.getWidth(), picture.getHeight(), read(picture));
    }

    /** Reads a decoded picture; a blank one is an empty field, not an error: it reads as no lines. */
    public Reading read(BufferedImage picture) {
        try {
            return read(InkMap.of(picture));
        } catch (NoInkException e) {
            return new Reading(List.of());
        }
    }

    public Reading read(InkMap map) {
        List<List<Piece>> lines = LineFinder.lines(Components.of(map));
        Crops crops = new Crops(map, recipe);
        List<LinePlan> plans = new ArrayList<>();
        int atomBase = 0;
        int candidateCount = 0;
        for (List<Piece> blobs : lines) {
            int height = Oversegmenter.lineHeight(blobs);
            List<Piece> atoms = Oversegmenter.atoms(blobs, map);
            crops.own(atoms, atomBase);
            LinePlan plan = new LinePlan(height, atoms, atomBase, decoder.candidates(atoms, height), candidateCount);
            plans.add(plan);
            atomBase += atoms.size();
            candidateCount += plan.runs.size();
        }
        // Two views of every candidate: its own pixels (a neighbour's strokes reaching into its box
        // left out, but a cut may leave a little of it behind) and everything inside its box (nothing
        // of it lost, a neighbour's overlap included). Where touching characters fool one, the
        // other often holds, so the decoder scores their average.
        float[] tensors = new float[2 * candidateCount * EmnistTensor.PIXELS];
        boolean[] ownUsable = new boolean[candidateCount];
        boolean[] boxUsable = new boolean[candidateCount];
        for (LinePlan plan : plans) {
            for (int r = 0; r < plan.runs.size(); r++) {
                PathDecoder.Run run = plan.runs.get(r);
                int k = plan.firstCandidate + r;
                try {
                    crops.tensor(plan.atomBase + run.start(), plan.atomBase + run.end(), run.box(), tensors,
                            k * EmnistTensor.PIXELS);
                    ownUsable[k] = true;
                } catch (NoInkException e) {
                    ownUsable[k] = false; // a sliver of halo: not a character
                }
                try {
                    crops.tensorOfBox(run.box(), tensors, (candidateCount + k) * EmnistTensor.PIXELS);
                    boxUsable[k] = true;
                } catch (NoInkException e) {
                    boxUsable[k] = false;
                }
            }
        }
        Labeller labeller = recogniser.labeller();
        int labels = labeller.labelCount();
        float[] probabilities = averageViews(recogniser.probabilities(tensors, 2 * candidateCount), ownUsable,
                boxUsable, labels);
        boolean[] usable = new boolean[candidateCount];
        for (int k = 0; k < candidateCount; k++) {
            usable[k] = ownUsable[k] || boxUsable[k];
        }
        List<TextLine> out = new ArrayList<>();
        for (LinePlan plan : plans) {
            double[] scores = new double[plan.runs.size()];
            for (int r = 0; r < scores.length; r++) {
                int k = plan.firstCandidate + r;
                PathDecoder.Run run = plan.runs.get(r);
                scores[r] = usable[k]
                        ? decoder.score(plan.atoms, run, bestFit(probabilities, k * labels, run.box()), plan.height)
                        : UNUSABLE;
            }
            List<Integer> path = PathDecoder.bestPath(plan.atoms.size(), plan.runs, scores);
            List<Box> boxes = new ArrayList<>();
            float[] rows = new float[path.size() * labels];
            for (int i = 0; i < path.size(); i++) {
                boxes.add(plan.runs.get(path.get(i)).box());
                System.arraycopy(probabilities, (plan.firstCandidate + path.get(i)) * labels, rows, i * labels, labels);
            }
            TextLine line = label(boxes, rows, plan.height, map.scale());
            if (line != null) {
                out.add(line);
            }
        }
        return new Reading(out);
    }

    /**
     * The oracle: reads one line whose character boxes are given (map pixels), cropping everything
     * inside each box. Separates what segmentation costs from what recognition costs.
     */
    public Reading readBoxes(InkMap map, List<Box> boxes) {
        Crops crops = new Crops(map, recipe);
        float[] tensors = new float[boxes.size() * EmnistTensor.PIXELS];
        for (int i = 0; i < boxes.size(); i++) {
            crops.tensorOfBox(boxes.get(i), tensors, i * EmnistTensor.PIXELS);
        }
        float[] rows = recogniser.probabilities(tensors, boxes.size());
        int height = boxes.stream().mapToInt(Box::height).max().orElse(1);
        TextLine line = label(boxes, rows, height, map.scale());
        return new Reading(line == null ? List.of() : List.of(line));
    }

    private TextLine label(List<Box> boxes, float[] rows, int height, int scale) {
        if (boxes.isEmpty()) {
            return null;
        }
        Labeller labeller = recogniser.labeller();
        int labels = labeller.labelCount();
        if (useContext) {
            int[] best = new int[boxes.size()];
            for (int i = 0; i < best.length; i++) {
                best[i] = bestAllowed(rows, i * labels);
            }
            new CaseContext(labeller.labels()).apply(boxes, rows, best);
        }
        List<ReadCharacter> characters = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            characters.add(new ReadCharacter(boxes.get(i).scaled(scale), labeller.candidates(rows, i * labels)));
        }
        return new TextLine(WordGaps.split(characters, height * scale));
    }

    /**
     * The first {@code own.length} rows of {@code views} (own-pixel crops) averaged with the rows
     * after them (box crops), row by row; a view without ink gives way to the other.
     */
    private static float[] averageViews(float[] views, boolean[] own, boolean[] box, int labels) {
        int n = own.length;
        float[] out = Arrays.copyOf(views, n * labels);
        for (int k = 0; k < n; k++) {
            int second = (n + k) * labels;
            for (int i = 0; i < labels; i++) {
                float a = views[k * labels + i];
                float b = views[second + i];
                out[k * labels + i] = own[k] && box[k] ? 0.5f * (a + b) : box[k] ? b : a;
            }
        }
        return out;
    }

    /** max over the charset of ln p(c) less the weighted misfit of the box's aspect for c. */
    private double bestFit(float[] row, int offset, Box box) {
        Labeller labeller = recogniser.labeller();
        double weight = decoder.weights().shapeWeight();
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < labeller.labelCount(); i++) {
            if (labeller.allows(i)) {
                double fit = Math.log(Math.max(1e-9, row[offset + i])) - weight * shapes.misfit(i, box.width(), box.height());
                best = Math.max(best, fit);
            }
        }
        return best;
    }

    /** The charset's most likely character for the row at {@code offset}. */
    private int bestAllowed(float[] row, int offset) {
        Labeller labeller = recogniser.labeller();
        int best = -1;
        for (int i = 0; i < labeller.labelCount(); i++) {
            if (labeller.allows(i) && (best < 0 || row[offset + i] > row[offset + best])) {
                best = i;
            }
        }
        return best;
    }

    private record LinePlan(int height, List<Piece> atoms, int atomBase, List<PathDecoder.Run> runs, int firstCandidate) {
    }
}
