package io.github.kinlog.common.encode;

/**
 * UTF-8 measurements and repairs on Java strings. Lone surrogates cannot be encoded as UTF-8; they count as, and are
 * replaced by, U+FFFD (three bytes).
 */
public final class Utf8Text {
    static final char REPLACEMENT = '\uFFFD';
    private static final String MARKER_START = "\u2026[truncated ";
    private static final String MARKER_END = " bytes]";
    private static final int MARKER_FIXED_BYTES = utf8Length(MARKER_START) + MARKER_END.length();

    private Utf8Text() {}

    /** A string cut to fit (a value or a stack trace), and how many UTF-8 bytes of the original were cut (0 when it fitted). */
    static final class Fitted {
        private final String text;
        private final long bytesCut;

        Fitted(String text, long bytesCut) {
            this.text = text;
            this.bytesCut = bytesCut;
        }

        String text() {
            return text;
        }

        long bytesCut() {
            return bytesCut;
        }
    }

    /** The UTF-8 length of {@code text}, counting each lone surrogate as U+FFFD. */
    public static int utf8Length(CharSequence text) {
        return utf8Length(text, 0, text.length());
    }

    /** The UTF-8 length of {@code text[from, to)}, counting each lone surrogate as U+FFFD. */
    static int utf8Length(CharSequence text, int from, int to) {
        int bytes = 0;
        int length = to;
        for (int i = from; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Whether {@code text} holds a surrogate without its partner. */
    static boolean hasLoneSurrogate(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code text} with every lone surrogate replaced by U+FFFD. */
    static String repairSurrogates(String text) {
        if (!hasLoneSurrogate(text)) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                chars[i] = REPLACEMENT;
            }
        }
        return new String(chars);
    }

    /** Whether {@code text} can be written as it is: no lone surrogate, and at most {@code maxBytes} in UTF-8. */
    static boolean fitsAsIs(String text, int maxBytes) {
        // Three bytes per char is the most any char can take on its own.
        boolean shortEnough = (long) text.length() * 3 <= maxBytes;
        return (shortEnough || utf8Length(text) <= maxBytes) && !hasLoneSurrogate(text);
    }

    /**
     * {@code text}, repaired, and if its UTF-8 form is longer than {@code maxBytes}, cut on a character boundary and
     * ended with a marker such as {@code …[truncated 1234 bytes]} so that the result is at most {@code maxBytes}.
     * When even the marker does not fit, the result is empty.
     */
    static Fitted fit(String text, int maxBytes) {
        // Fast path: three bytes per char is the most any char can take on its own.
        if ((long) text.length() * 3 <= maxBytes) {
            return new Fitted(repairSurrogates(text), 0);
        }
        int total = utf8Length(text);
        if (total <= maxBytes) {
            return new Fitted(repairSurrogates(text), 0);
        }
        return cut(text, total, maxBytes);
    }

    /** Cuts {@code text} (UTF-8 length {@code total}) to at most {@code maxBytes}, marker included. */
    static Fitted cut(String text, long total, int maxBytes) {
        int markerBytes = markerBytes(total);
        if (markerBytes > maxBytes) {
            return new Fitted("", total);
        }
        int keepBudget = maxBytes - markerBytes;
        int end = prefixEnd(text, keepBudget);
        int kept = utf8Length(text.subSequence(0, end));
        long cutBytes = total - kept;
        String marker = marker(cutBytes);
        return new Fitted(repairSurrogates(text.substring(0, end)) + marker, cutBytes);
    }

    /** The marker appended to cut text. */
    static String marker(long bytesCut) {
        return MARKER_START + bytesCut + MARKER_END;
    }

    /** An upper bound on the marker's size for a text of {@code total} bytes (the cut is at most the total). */
    static int markerBytes(long total) {
        return MARKER_FIXED_BYTES + Long.toString(total).length();
    }

    /** The largest index at which a prefix of {@code text} fits in {@code maxBytes}, never splitting a pair. */
    private static int prefixEnd(String text, int maxBytes) {
        int bytes = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            int charBytes;
            int chars = 1;
            if (c < 0x80) {
                charBytes = 1;
            } else if (c < 0x800) {
                charBytes = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                charBytes = 4;
                chars = 2;
            } else {
                charBytes = 3;
            }
            if (bytes + charBytes > maxBytes) {
                break;
            }
            bytes += charBytes;
            i += chars;
        }
        return i;
    }
}
