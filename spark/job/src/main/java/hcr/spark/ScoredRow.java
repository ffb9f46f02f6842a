package hcr.spark;

import java.io.Serializable;

/** One input's result: a formatted predictions row, or (failed) a formatted errors row; no line break. */
record ScoredRow(boolean failed, String line) implements Serializable {
}
