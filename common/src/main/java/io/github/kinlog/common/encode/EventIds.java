package io.github.kinlog.common.encode;

import java.security.SecureRandom;

/**
 * Makes {@code event_id} values: UUIDs laid out as version 7 (RFC 9562), so they sort by time. The 48-bit millisecond
 * timestamp is the event's; the 74 other bits are 42 random bits drawn once per instance and the low 32 bits of the
 * instance's sequence number. Ids from one instance never repeat (that would take four billion events in one
 * millisecond), and two instances collide only if they draw the same 42 bits and log in the same millisecond with
 * the same sequence number. No randomness is drawn per event, so the calling thread never waits on SecureRandom.
 */
final class EventIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    static final int LENGTH = 36;

    private final long randomA; // 12 bits
    private final long randomB; // 30 bits

    EventIds() {
        this(new SecureRandom().nextLong());
    }

    EventIds(long instanceRandom) {
        this.randomA = instanceRandom & 0xFFFL;
        this.randomB = (instanceRandom >>> 12) & 0x3FFF_FFFFL;
    }

    /** Writes the id for an event into {@code into[0..36)}. */
    void write(long epochMillis, long sequence, char[] into) {
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randomA;
        long lsb = 0x8000_0000_0000_0000L | randomB << 32 | (sequence & 0xFFFF_FFFFL);
        hex(msb >>> 32, 8, into, 0);
        into[8] = '-';
        hex(msb >>> 16, 4, into, 9);
        into[13] = '-';
        hex(msb, 4, into, 14);
        into[18] = '-';
        hex(lsb >>> 48, 4, into, 19);
        into[23] = '-';
        hex(lsb, 12, into, 24);
    }

    String id(long epochMillis, long sequence) {
        char[] chars = new char[LENGTH];
        write(epochMillis, sequence, chars);
        return new String(chars);
    }

    /** Writes the low {@code digits} hex digits of {@code value}. */
    private static void hex(long value, int digits, char[] into, int at) {
        for (int i = at + digits - 1; i >= at; i--) {
            into[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
