package hcr.cli;

import hcr.data.Emnist;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where EMNIST is read from: the {@code --data} and {@code --split} options shared by data commands. */
final class DataSourceOptions {
    @Option(names = "--data", paramLabel = "D",
            description = "EMNIST directory, NIST's gzip.zip, or the emnist Python cache zip. "
                    + "Default: hcr's download (~/.cache/hcr/gzip.zip), else ~/.cache/emnist/emnist.zip.")
    Path data;

    @Option(names = "--split", defaultValue = "byclass", paramLabel = "S",
            description = "EMNIST split (file names emnist-S-...). Default: ${DEFAULT-VALUE}.")
    String split;

    Path source() {
        return data != null ? data : Emnist.defaultSource();
    }
}
