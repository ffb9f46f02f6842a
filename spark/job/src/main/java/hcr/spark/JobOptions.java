package hcr.spark;

/**
 * One run of the job.
 *
 * @param input         directory of pictures: a local path or a Hadoop URI (s3a://, hdfs://, file:)
 * @param output        directory that receives predictions.csv (and predictions.errors.csv)
 * @param model         model file or directory, local or a Hadoop URI
 * @param recursive     also read subdirectories
 * @param shownRoot     what the path column writes for the input root; null: the input as given
 * @param pictures      pictures per partition (a task's unit of work and of retry)
 * @param maxFileBytes  larger files become error rows without being read
 * @param scoring       how each picture is scored
 */
record JobOptions(String input, String output, String model, boolean recursive, String shownRoot,
                  int pictures, long maxFileBytes, ScoringSettings scoring) {
}
