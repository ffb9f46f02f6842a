package hcr.serve;

import hcr.recognise.EmnistTranslator;
import hcr.recognise.InputTranslator;
import java.nio.file.Path;

/** The real translator, made slow, so tests can hold requests in flight as long as they need. */
final class SlowTranslator implements InputTranslator {
    private final InputTranslator real = EmnistTranslator.withDefaults();
    private final long millis;

    SlowTranslator(long millis) {
        this.millis = millis;
    }

    @Override
    public void translate(Path file, float[] out, int offset) {
        pause();
        real.translate(file, out, offset);
    }

    @Override
    public void translate(byte[] picture, float[] out, int offset) {
        pause();
        real.translate(picture, out, offset);
    }

    private void pause() {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
