package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import org.junit.jupiter.api.Test;

class InMemoryImageStreamTest {

    @Test
    void readsTheBytesThenReportsTheEndLikeAnyStream() throws Exception {
        InMemoryImageStream in = new InMemoryImageStream(new byte[] {1, 2, (byte) 0xFF});
        byte[] buffer = new byte[8];

        assertThat(in.read()).isEqualTo(1);
        assertThat(in.read(buffer, 0, 8)).isEqualTo(2);
        assertThat(buffer[1]).isEqualTo((byte) 0xFF);
        assertThat(in.read()).isEqualTo(-1);
        assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
    }

    @Test
    void aDecoderThatKeepsReadingPastTheEndIsStopped() {
        InMemoryImageStream in = new InMemoryImageStream(new byte[] {1});
        in.read();

        assertThatThrownBy(() -> {
            for (int i = 0; i <= InMemoryImageStream.MAX_READS_PAST_END; i++) {
                try {
                    in.readByte(); // what a decoder that swallows EOFException does, bit after bit
                } catch (EOFException swallowed) {
                    // keep going, as the misbehaving decoder does
                }
            }
        }).isInstanceOf(UnreadableImageException.class).hasMessageContaining("past the end");
    }
}
