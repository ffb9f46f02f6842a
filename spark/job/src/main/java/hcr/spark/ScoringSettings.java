package hcr.spark;

import java.io.Serializable;

/**
 * What every task needs to score as {@code hcr infer} would, in a form that travels to executors.
 *
 * @param backend   runtime name, as for {@code --backend}
 * @param charset   charset spelling, as for {@code --charset}
 * @param topK      candidates kept
 * @param batchSize pictures per scoring call inside a partition
 * @param maxPixels pictures with more pixels are refused from their header
 */
record ScoringSettings(String backend, String charset, int topK, int batchSize, long maxPixels)
        implements Serializable {
}
