package hcr.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes a partition's rows in one pass into two part files of the task attempt's work directory:
 * {@code predictions-r-NNNNN} and, only when a row failed, {@code errors-r-NNNNN} (NNNNN: the
 * partition). Both go through the job's output committer like any part file, so a failed attempt's
 * files are discarded and a committed task has both or neither. Rows are written as they are
 * (already CSV) with CRLF, as commons-csv ends them.
 *
 * <p>One pass instead of one job per file: the rows need no cache and are neither counted nor
 * read a second time (measured: the cache, the count and the second pass cost about 10% of a
 * 100,000-picture run and did not scale with cores).
 */
public final class RowPartsFormat extends FileOutputFormat<NullWritable, ScoredRow> {
    static final String PREDICTIONS = "predictions";
    static final String ERRORS = "errors";
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.UTF_8);

    /** Public, with a public constructor: Spark instantiates the format by its class. */
    public RowPartsFormat() {
    }

    @Override
    public RecordWriter<NullWritable, ScoredRow> getRecordWriter(TaskAttemptContext task) throws IOException {
        Path work = getDefaultWorkFile(task, "").getParent();
        Path predictions = new Path(work, getUniqueFile(task, PREDICTIONS, ""));
        Path errors = new Path(work, getUniqueFile(task, ERRORS, ""));
        return new Writer(predictions.getFileSystem(task.getConfiguration()), predictions, errors);
    }

    private static final class Writer extends RecordWriter<NullWritable, ScoredRow> {
        private final FileSystem fs;
        private final Path errorsPath;
        private final OutputStream predictions;
        private OutputStream errors;

        Writer(FileSystem fs, Path predictionsPath, Path errorsPath) throws IOException {
            this.fs = fs;
            this.errorsPath = errorsPath;
            this.predictions = open(predictionsPath);
        }

        @Override
        public void write(NullWritable key, ScoredRow row) throws IOException {
            OutputStream out = row.failed() ? errors() : predictions;
            out.write(row.line().getBytes(StandardCharsets.UTF_8));
            out.write(CRLF);
        }

        private OutputStream errors() throws IOException {
            if (errors == null) {
                errors = open(errorsPath);
            }
            return errors;
        }

        private OutputStream open(Path path) throws IOException {
            return new BufferedOutputStream(fs.create(path, false), 64 << 10);
        }

        @Override
        public void close(TaskAttemptContext task) throws IOException {
            try (OutputStream first = predictions; OutputStream second = errors) {
                // both closed, the first failure reported
            }
        }
    }
}
