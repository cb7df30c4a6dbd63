package dev.bitzel.parser.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteSinkTest {
    @Test
    void growsPastItsCapacityAndKeepsEveryByteInOrder() throws IOException {
        ByteSink sink = new ByteSink(2);
        DataOutputStream out = new DataOutputStream(sink);
        out.writeInt(0x01020304);
        out.write(new byte[] {9, 8, 7, 6, 5}, 1, 3);
        sink.writeBytes(new byte[] {42});
        assertThat(sink.toByteArray()).containsExactly(1, 2, 3, 4, 8, 7, 6, 42);
        assertThat(Arrays.copyOf(sink.array(), sink.size())).containsExactly(1, 2, 3, 4, 8, 7, 6, 42);
    }

    @Test
    void truncatesAndReleasesABigArray() {
        ByteSink sink = new ByteSink(4);
        sink.writeBytes(new byte[100]);
        sink.truncate(10);
        assertThat(sink.size()).isEqualTo(10);
        sink.release(1000, 4);
        assertThat(sink.size()).isZero();
        assertThat(sink.array()).hasSizeGreaterThanOrEqualTo(100); // kept: not bigger than 1000
        sink.release(50, 4);
        assertThat(sink.array()).hasSize(4);
    }

    @Test
    void refusesAnOutOfRangeSlice() {
        ByteSink sink = new ByteSink(4);
        assertThatThrownBy(() -> sink.write(new byte[3], 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(sink.size()).isZero();
    }
}
