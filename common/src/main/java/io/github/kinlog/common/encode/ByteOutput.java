package io.github.kinlog.common.encode;

import java.io.OutputStream;
import java.util.Arrays;

/** An unsynchronized, growable in-memory output: the encoder writes one record into it. */
final class ByteOutput extends OutputStream {
    private byte[] bytes = new byte[512];
    private int size;

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
