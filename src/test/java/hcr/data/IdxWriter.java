package hcr.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Test-side writer of NIST's formats, written from the IDX specification rather than from
 * {@link IdxReader}: big-endian header, images stored TRANSPOSED as EMNIST does.
 * Public so tests of other packages can fabricate EMNIST files too.
 */
public final class IdxWriter {
    private static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;

    private IdxWriter() {
    }

    /** The IDX image file for upright images {@code 0..count-1} of {@code set}. */
    public static byte[] images(ImageSet set) {
        ByteBuffer out = ByteBuffer.allocate(16 + set.size() * PIXELS);
        out.putInt(0x0803).putInt(set.size()).putInt(SIDE).putInt(SIDE);
        for (int i = 0; i < set.size(); i++) {
            for (int column = 0; column < SIDE; column++) {
                for (int row = 0; row < SIDE; row++) {
                    out.put((byte) set.pixel(i, row * SIDE + column));
                }
            }
        }
        return out.array();
    }

    public static byte[] labels(ImageSet set) {
        ByteBuffer out = ByteBuffer.allocate(8 + set.size());
        out.putInt(0x0801).putInt(set.size());
        for (int i = 0; i < set.size(); i++) {
            out.put((byte) set.label(i));
        }
        return out.array();
    }

    /** NIST's mapping file: "label ascii-code" lines. */
    public static byte[] mapping(LabelMap map) {
        StringBuilder text = new StringBuilder();
        for (int label = 0; label < map.size(); label++) {
            text.append(label).append(' ').append(map.code(label)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
