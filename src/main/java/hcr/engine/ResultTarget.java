package hcr.engine;

import java.io.IOException;
import java.io.Writer;

/** Where one results file's text goes: an {@link AtomicFile}, or a stream such as standard output. */
interface ResultTarget extends AutoCloseable {
    Writer writer();

    /** How messages name it. */
    String name();

    void commit();

    @Override
    void close();

    /** Standard output, say: written as rows come, flushed at commit, never closed. */
    static ResultTarget stream(Writer out, String name) {
        return new ResultTarget() {
            @Override
            public Writer writer() {
                return out;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void commit() {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new OutputException("cannot write " + name + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                // Not ours to close.
            }
        };
    }
}
