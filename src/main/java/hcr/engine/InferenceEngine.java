package hcr.engine;

import hcr.HcrException;
import hcr.image.EmnistTensor;
import hcr.image.SideBySide;
import hcr.recognise.Candidate;
import hcr.recognise.InputTranslator;
import hcr.recognise.Labeller;
import hcr.recognise.Note;
import hcr.recognise.Recogniser;
import hcr.runtime.ImageBatch;
import hcr.runtime.ModelException;
import hcr.runtime.ScoringModel;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inference pipeline: source → translate (decode + preprocess, on a thread pool) → batch →
 * score → label → sink.
 *
 * <p>Pictures are submitted to the pool in source order and their results are taken in the same
 * order, so output order is the source order however the threads finish. At most a window of
 * two batches is in flight: memory stays bounded for any number of files, and each window slot
 * owns one reusable 784-float buffer, so steady state allocates no pixel arrays.
 *
 * <p>Bad pictures never stop the run: each becomes a {@link PredictionSink#failed} call. A picture
 * whose translation runs past the time limit is abandoned (its thread interrupted, and replaced
 * in the pool in case it never returns).
 */
public final class InferenceEngine {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ScoringModel model;
    private final InputTranslator translator;
    private final Labeller labeller;
    private final EngineSettings settings;

    /** The directory door around the shared core: its model, translator and labeller (charset, top K). */
    public InferenceEngine(Recogniser core, EngineSettings settings) {
        this.model = core.model();
        this.translator = core.translator();
        this.labeller = core.labeller();
        this.settings = settings;
    }

    /** All 62 labels, the settings' top K. */
    public InferenceEngine(ScoringModel model, InputTranslator translator, EngineSettings settings) {
        this(new Recogniser(model, translator, new Labeller(model.labels(), settings.topK())), settings);
    }

    /** Runs every entry of {@code source} through the model; the sink hears each exactly once. */
    public Summary run(Iterable<SourceEntry> source, PredictionSink sink, ProgressListener progress) {
        long start = System.nanoTime();
        ThreadPoolExecutor pool = newPool(settings.threads());
        try {
            Run run = new Run(pool, sink, progress);
            run.drain(source.iterator());
            return new Summary(run.predicted, run.failed, run.severalCharacters, run.unsure, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HcrException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The state of one run; used by the calling thread only. */
    private final class Run {
        private final ThreadPoolExecutor pool;
        private final PredictionSink sink;
        private final ProgressListener progress;
        private final Slot[] window;
        private final ImageBatch batch;
        /** The current batch's entries in order; images point at their batch row, failures carry a reason. */
        private final Pending pending;
        private long predicted;
        private long failed;
        private long severalCharacters;
        private long unsure;

        Run(ThreadPoolExecutor pool, PredictionSink sink, ProgressListener progress) {
            this.pool = pool;
            this.sink = sink;
            this.progress = progress;
            this.batch = ImageBatch.allocate(settings.batchSize());
            this.window = new Slot[2 * settings.batchSize()];
            for (int i = 0; i < window.length; i++) {
                window[i] = new Slot();
            }
            this.pending = new Pending(2 * settings.batchSize());
        }

        void drain(Iterator<SourceEntry> entries) throws InterruptedException {
            long submitted = 0;
            long taken = 0;
            while (true) {
                while (submitted - taken < window.length && entries.hasNext()) {
                    window[(int) (submitted++ % window.length)].start(entries.next());
                }
                if (taken == submitted) {
                    break;
                }
                take(window[(int) (taken++ % window.length)]);
            }
            flush();
        }

        private void take(Slot slot) throws InterruptedException {
            Optional<String> problem = slot.await();
            if (problem.isPresent()) {
                pending.addFailure(slot.entry.path(), problem.get());
            } else {
                pending.addImage(slot.entry.path(), batch.size(), SideBySide.characters(slot.pixels, 0));
                batch.add(slot.pixels);
            }
            // Failures are held with the batch so both files and stderr keep source order, but never
            // more than the pending capacity: a long run of bad files must not grow memory.
            if (batch.isFull() || pending.isFull()) {
                flush();
            }
        }

        private void count(Note note) {
            if (note.kind() == Note.Kind.SEVERAL_CHARACTERS) {
                severalCharacters++;
            } else {
                unsure++;
            }
        }

        private void flush() {
            float[] probabilities = batch.size() == 0 ? new float[0] : model.score(batch);
            int labels = labeller.labelCount();
            if (probabilities.length != batch.size() * labels) {
                throw new ModelException(String.format(Locale.ROOT,
                        "the model returned %d probabilities for %d images of %d labels",
                        probabilities.length, batch.size(), labels));
            }
            for (int i = 0; i < pending.size(); i++) {
                if (pending.row(i) >= 0) {
                    List<Candidate> candidates = labeller.candidates(probabilities, pending.row(i) * labels);
                    Optional<Note> note = Note.of(pending.characters(i), candidates.get(0));
                    sink.predicted(new Prediction(pending.path(i), candidates, note));
                    predicted++;
                    note.ifPresent(this::count);
                } else {
                    sink.failed(pending.path(i), pending.reason(i));
                    failed++;
                }
            }
            batch.clear();
            pending.clear();
            progress.progressed(predicted + failed);
        }

        /** One place in the in-flight window, reused for every window-th picture. */
        private final class Slot {
            private float[] pixels = new float[EmnistTensor.PIXELS];
            private SourceEntry entry;
            private Translation task;
            private Future<Optional<String>> future;

            void start(SourceEntry next) {
                entry = next;
                task = new Translation(next, pixels);
                future = pool.submit(task);
            }

            Optional<String> await() throws InterruptedException {
                long limit = settings.imageTimeout().toNanos();
                while (true) {
                    try {
                        return future.get(Math.min(limit, POLL_NANOS), TimeUnit.NANOSECONDS);
                    } catch (TimeoutException e) {
                        // Only time spent running counts: a picture queued behind slow ones is not late.
                        if (task.runningFor() > limit) {
                            abandon();
                            return Optional.of("timed out after " + seconds(settings.imageTimeout()));
                        }
                    } catch (ExecutionException e) {
                        return Optional.of("cannot process: " + e.getCause());
                    }
                }
            }

            private void abandon() {
                future.cancel(true);
                // The stuck task still holds the old buffer and may write to it later.
                pixels = new float[EmnistTensor.PIXELS];
                // Its thread may never come back: add one so the pool keeps its parallelism.
                pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                pool.setCorePoolSize(pool.getCorePoolSize() + 1);
            }
        }
    }

    /** Decode and preprocess one picture; the result is empty on success or the reason it failed. */
    private final class Translation implements Callable<Optional<String>> {
        private final SourceEntry entry;
        private final float[] out;
        private volatile long startedNanos;

        Translation(SourceEntry entry, float[] out) {
            this.entry = entry;
            this.out = out;
        }

        long runningFor() {
            long started = startedNanos;
            return started == 0 ? 0 : System.nanoTime() - started;
        }

        @Override
        public Optional<String> call() {
            if (entry.problem().isPresent()) {
                return entry.problem();
            }
            startedNanos = System.nanoTime();
            try {
                translator.translate(entry.path(), out, 0);
                return Optional.empty();
            } catch (RuntimeException | OutOfMemoryError e) {
                // A decoder bug on one odd file must not stop the other 99,999.
                return Optional.of(Recogniser.reasonFor(e));
            }
        }
    }

    private static ThreadPoolExecutor newPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "hcr-decode-" + count.incrementAndGet());
            t.setDaemon(true); // an abandoned, stuck decode must not keep the JVM alive
            return t;
        });
    }

    private static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.3g s", s);
    }
}
