package io.github.kinlog.common.encode;

import java.io.OutputStream;
import java.util.Arrays;

/** An unsynchronized, growable in-memory output: the encoder writes one record into it, then reuses it. */
final class ByteOutput extends OutputStream {
    /** Larger buffers are not kept for reuse, so one huge event does not pin memory. */
    static final int MAX_REUSED_BYTES = 64 * 1024;

    /** Scratch space for the timestamp and the event id, reused with the output. */
    final char[] chars = new char[Math.max(EventIds.LENGTH, TimestampFormatter.LENGTH)];

    private byte[] bytes = new byte[1024];
    private int size;

    /** Empties the output for reuse; false if its buffer grew too large to keep. */
    boolean reset() {
        size = 0;
        return bytes.length <= MAX_REUSED_BYTES;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
