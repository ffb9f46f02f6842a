package hcr.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark for all tests of the fork (a session takes 6-10 s to start): 2 cores, 3 attempts per task. */
final class LocalSpark {
    private static SparkSession spark;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2,3]")
                    .appName("hcr-spark tests")
                    .config("spark.ui.enabled", false)
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
        }
        return spark;
    }
}
