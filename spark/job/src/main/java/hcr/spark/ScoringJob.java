package hcr.spark;

import hcr.recognise.Recogniser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark door: list the inputs on the driver, score contiguous slices of the listing in parallel
 * (one model per executor JVM, batches inside each partition), and write the two result files as
 * {@code hcr infer} writes them, in the same single pass that scores.
 */
public final class ScoringJob {
    private ScoringJob() {
    }

    public static JobSummary run(SparkSession spark, JobOptions options) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        return run(spark, options, new HadoopPictureReader(HadoopPictureReader.settingsOf(hadoop), options.maxFileBytes()));
    }

    /** As {@link #run(SparkSession, JobOptions)}, reading pictures with {@code reader}. */
    static JobSummary run(SparkSession spark, JobOptions options, PictureReader reader) {
        long start = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        // The listing (disk or object-store round trips) runs while the model opens (CPU).
        FutureTask<List<Listed>> listing = new FutureTask<>(
                () -> PictureListing.list(options.input(), options.recursive(), options.shownRoot(), hadoop));
        Thread lister = new Thread(listing, "hcr-listing");
        lister.setDaemon(true);
        lister.start();
        if (spark.sparkContext().isLocal()) {
            startFirstJob(spark);
        }
        int columns;
        ModelFiles model;
        try {
            model = ModelFiles.read(options.model(), hadoop);
            // Opening the model on the driver checks backend, model and charset before any task starts,
            // and gives the header its columns. In local mode the tasks then share this very session.
            Recogniser checked = ExecutorModels.recogniser(model, options.scoring(), 1);
            columns = checked.labeller().candidateCount();
        } catch (RuntimeException | Error e) {
            listing.cancel(true); // a model problem is reported first, as before any listing
            throw e;
        }
        List<Listed> inputs = listed(listing);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ModelFiles> shared = jsc.broadcast(model);
        JavaRDD<ScoredRow> rows = jsc.parallelize(inputs, partitions(inputs.size(), options.pictures(), jsc.defaultParallelism()))
                .mapPartitions(new ScorePartition(shared, options.scoring(), reader));
        try {
            long failed = new ResultFiles(spark, options.output()).write(rows, columns);
            return new JobSummary(inputs.size() - failed, failed, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            shared.destroy();
        }
    }

    /**
     * Runs an empty one-task job in the background. A session's first job loads about 1,400 classes
     * (scheduler, executor, block manager, Jackson for RDD scopes): measured 0.9-1.1 s between the
     * end of the listing and the first task, 0.4-0.5 s when this job has run beside the listing and
     * the model load. Local mode only: on a cluster it would ask executors for a task of no use.
     */
    private static void startFirstJob(SparkSession spark) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Thread first = new Thread(() -> {
            try {
                jsc.parallelize(List.of(0), 1).count();
            } catch (Exception e) {
                // only a head start: the scoring job meets and reports any real problem
            }
        }, "hcr-first-job");
        first.setDaemon(true);
        first.start();
    }

    private static List<Listed> listed(FutureTask<List<Listed>> listing) {
        try {
            return listing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listing.cancel(true);
            throw new IllegalStateException("interrupted while listing the inputs", e);
        }
    }

    /**
     * Enough partitions of at most {@code perPartition} pictures, and at least two per core so a
     * slow partition does not leave the others idle at the end.
     */
    static int partitions(int inputs, int perPartition, int cores) {
        long bySize = (inputs + (long) perPartition - 1) / perPartition;
        return (int) Math.max(1, Math.max(bySize, Math.min(inputs, 2L * cores)));
    }
}
