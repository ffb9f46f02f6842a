package hcr.engine;

import hcr.HcrException;
import hcr.data.LabelMap;
import hcr.image.EmnistTensor;
import hcr.recognise.InputTranslator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A test translator that needs no files: the picture's character is the last character of its
 * file name ("0007-A" is 'A'), written as a uniform image that {@link EchoModel} reads back.
 * Names containing "bad" are rejected; "hang" ignores interrupts for 3 s, like a decoder stuck
 * in native code; "slow-N" sleeps N milliseconds first, so threads finish out of order.
 */
public final class NameTranslator implements InputTranslator {
    private static final String LABELS = LabelMap.byClass().toString();

    public static Path picture(int index, char character) {
        return Path.of(String.format("%04d-%c", index, character));
    }

    @Override
    public void translate(Path file, float[] out, int offset) {
        String name = file.getFileName().toString();
        if (name.contains("bad")) {
            throw new HcrException("rejected by test: " + name);
        }
        if (name.contains("hang")) {
            hangIgnoringInterrupts(3000);
        }
        int slow = name.indexOf("slow-");
        if (slow >= 0) {
            sleep(Long.parseLong(name.substring(slow + 5, name.lastIndexOf('-'))));
        }
        int index = LABELS.indexOf(name.charAt(name.length() - 1));
        Arrays.fill(out, offset, offset + EmnistTensor.PIXELS, index / (float) (LABELS.length() - 1));
    }

    /** The bytes are the name: lets the same fake stand behind doors that receive pictures in memory. */
    @Override
    public void translate(byte[] picture, float[] out, int offset) {
        translate(Path.of(new String(picture, StandardCharsets.UTF_8)), out, offset);
    }

    private static void hangIgnoringInterrupts(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException ignored) {
                // deliberately deaf: the engine must cope without this thread
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new HcrException("interrupted");
        }
    }
}
