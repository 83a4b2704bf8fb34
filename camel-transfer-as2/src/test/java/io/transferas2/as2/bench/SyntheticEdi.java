package io.transferas2.as2.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * An X12-like payload of any size generated on the fly from a fixed pool of segments (memory does not grow with the
 * size): random part numbers and quantities, mixed CRLF and LF line ends, so it compresses roughly like real EDI and
 * exercises the no-canonicalisation rule. Fast enough (GB/s) not to distort measurements. Deterministic per seed.
 */
public final class SyntheticEdi extends InputStream {
    private static final int POOL = 8192;
    private static final byte[][] LINES = lines();

    private final long size;
    private final SplittableRandom random;
    private byte[] line = new byte[0];
    private int linePos;
    private long produced;

    public SyntheticEdi(long size, long seed) {
        this.size = size;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (produced >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - produced);
        int done = 0;
        while (done < n) {
            if (linePos == line.length) {
                line = LINES[random.nextInt(POOL)];
                linePos = 0;
            }
            int k = Math.min(n - done, line.length - linePos);
            System.arraycopy(line, linePos, b, off + done, k);
            linePos += k;
            done += k;
        }
        produced += n;
        return n;
    }

    /** A fixed pool of distinct segments (about 700 KB), drawn at random so the stream never repeats in a window. */
    private static byte[][] lines() {
        SplittableRandom r = new SplittableRandom(7);
        byte[][] pool = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            String s = "LIN*" + i + "*BP*PART-" + r.nextInt(1_000_000) + "*VP*" + Long.toHexString(r.nextLong())
                    + "~QTY*" + r.nextInt(10_000) + "*EA~PRI*" + r.nextInt(100_000) / 100.0
                    + (i % 5 == 0 ? "~\n" : "~\r\n");
            pool[i] = s.getBytes(StandardCharsets.US_ASCII);
        }
        return pool;
    }
}
