package hcr.spark;

import hcr.engine.CsvResults;
import hcr.engine.CsvRows;
import hcr.engine.OutputException;
import hcr.io.AtomicWrite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.hadoop.io.NullWritable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * The two result files of a run, named as {@code hcr infer} names them: {@code predictions.csv}
 * and, only when something failed, {@code predictions.errors.csv} (a stale one is removed).
 *
 * <p>Rows are written by the executors, in parallel and in one pass ({@link RowPartsFormat}),
 * through Spark's commit protocol, as part files under {@code _hcr-parts-<run>/} in the output
 * directory; a failed task's or job's files never appear there. Part {@code i} holds partition
 * {@code i}'s rows in listing order, so the driver makes each single sorted file by writing the
 * header and concatenating the parts in partition order: one sequential pass, no sort, no shuffle.
 * That file is written under a hidden name and renamed over the final one only when complete; then
 * the parts are deleted.
 */
final class ResultFiles {
    static final String PREDICTIONS = "predictions.csv";
    static final String ERRORS = CsvResults.errorsFileFor(java.nio.file.Path.of(PREDICTIONS)).toString();
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.UTF_8);

    private final SparkSession spark;
    private final Path output;
    private final Path parts;
    private final FileSystem fs;

    ResultFiles(SparkSession spark, String output) {
        this.spark = spark;
        this.output = new Path(output);
        this.parts = new Path(this.output, "_hcr-parts-" + UUID.randomUUID());
        try {
            FileSystem any = this.output.getFileSystem(spark.sparkContext().hadoopConfiguration());
            // Locally, without Hadoop's .crc side files, which a rename would leave behind.
            this.fs = any instanceof LocalFileSystem checked ? checked.getRawFileSystem() : any;
        } catch (IOException e) {
            throw new OutputException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Scores and writes in one job: {@code rows} are computed here, once. Returns how many rows
     * failed (successful task attempts only, as Spark counts an action's accumulators).
     */
    long write(JavaRDD<ScoredRow> rows, int columns) {
        LongAccumulator failed = spark.sparkContext().longAccumulator("failed rows");
        try {
            rows.mapToPair(row -> {
                if (row.failed()) {
                    failed.add(1);
                }
                return new Tuple2<>(NullWritable.get(), row);
            }).saveAsNewAPIHadoopFile(parts.toString(), NullWritable.class, ScoredRow.class, RowPartsFormat.class,
                    spark.sparkContext().hadoopConfiguration());
            publish(RowPartsFormat.PREDICTIONS, CsvRows.predictionsHeader(columns), PREDICTIONS);
            if (failed.value() > 0) {
                publish(RowPartsFormat.ERRORS, CsvRows.ERRORS_HEADER, ERRORS);
            } else {
                fs.delete(new Path(output, ERRORS), false);
            }
            return failed.value();
        } catch (IOException e) {
            throw new OutputException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(parts);
        }
    }

    /** Header + the parts in partition order, under a hidden name, then renamed into place. */
    private void publish(String partPrefix, List<String> header, String name) throws IOException {
        Path target = new Path(output, name);
        Path temp = new Path(output, "." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = fs.create(temp, false)) {
                out.write(CsvRows.line(header).getBytes(StandardCharsets.UTF_8));
                out.write(CRLF);
                for (FileStatus part : partsInOrder(partPrefix + "-")) {
                    try (InputStream in = fs.open(part.getPath())) {
                        in.transferTo(out);
                    }
                }
            }
            replace(temp, target);
        } finally {
            deleteQuietly(temp);
        }
    }

    private FileStatus[] partsInOrder(String prefix) throws IOException {
        FileStatus[] all = fs.listStatus(parts, p -> p.getName().startsWith(prefix));
        // predictions-r-00000: the number is the partition; past 99,999 it has more digits.
        Arrays.sort(all, Comparator.comparingLong(s -> partition(s.getPath().getName())));
        return all;
    }

    private static long partition(String partName) {
        return Long.parseLong(partName.substring(partName.lastIndexOf('-') + 1));
    }

    /** Atomic on a local disk and on HDFS-like stores; on object stores the copy is never seen half-made. */
    private void replace(Path temp, Path target) throws IOException {
        if (fs instanceof RawLocalFileSystem local) {
            AtomicWrite.move(local.pathToFile(temp).toPath(), local.pathToFile(target).toPath());
            return;
        }
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
            throw new IOException("cannot rename " + temp + " to " + target);
        }
    }

    private void deleteQuietly(Path path) {
        try {
            fs.delete(path, true);
        } catch (IOException e) {
            // Left-overs under hidden names are safe to delete by hand; the results are complete.
        }
    }
}
