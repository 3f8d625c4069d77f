package io.github.kinlog.common.testing;

import java.util.Random;

/** Text drawn from every plane, with lone surrogates and control characters on purpose. */
public final class RandomText {
    private RandomText() {}

    public static String of(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(9)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate, usually
                case 2 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300)); // emoji
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0xFFFFF)); // any supplementary
                case 4 -> text.append((char) (0x80 + random.nextInt(0x780))); // two-byte
                case 5 -> text.append((char) (0x800 + random.nextInt(0xD000))); // three-byte
                case 6 -> text.append(random.nextBoolean() ? '\u202E' : '\u0301'); // right-to-left override, combining
                default -> text.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return text.toString();
    }
}
