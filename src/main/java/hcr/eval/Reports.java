package hcr.eval;

import hcr.io.AtomicWrite;
import java.io.IOException;
import java.nio.file.Path;

/** Report files are written atomically; a failure is a {@link ReportException} naming the file. */
final class Reports {
    private Reports() {
    }

    static void write(Path target, AtomicWrite.Body body) {
        try {
            AtomicWrite.write(target, body);
        } catch (IOException e) {
            throw new ReportException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
