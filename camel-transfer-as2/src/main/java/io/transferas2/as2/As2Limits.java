package io.transferas2.as2;

/**
 * Bounds that keep a hostile or broken message from exhausting memory, disk or CPU. Exceeding one fails the message
 * with a clear {@link As2Exception}: decompression limits with {@code DECOMPRESSION_FAILED}, the others with
 * {@code INVALID_REQUEST} (S/MIME structure) and {@code unexpected-processing-error}.
 *
 * @param maxDecompressedBytes   largest payload a compressed entity may expand to (default 16 GiB)
 * @param maxCompressionRatio    largest expanded/compressed ratio (default 200); checked only once the expanded size
 *                               passes {@code ratioGraceBytes}, so small highly repetitive files are not refused
 * @param ratioGraceBytes        expanded size below which the ratio is not checked (default 16 MiB)
 * @param maxHeaderLineLength    longest header line, folded continuation lines counted separately (default 16 KiB)
 * @param maxHeaderCount         most header fields in one header block (default 128)
 * @param maxNestingDepth        most nested MIME/S-MIME layers (default 8; a normal message has 4)
 * @param maxSignatureBytes      largest signature part or MDN body, held in memory (default 1 MiB)
 */
public record As2Limits(long maxDecompressedBytes, int maxCompressionRatio, long ratioGraceBytes,
                        int maxHeaderLineLength, int maxHeaderCount, int maxNestingDepth, int maxSignatureBytes) {

    private static final As2Limits DEFAULTS = new As2Limits(16L << 30, 200, 16L << 20, 16 * 1024, 128, 8, 1 << 20);

    public As2Limits {
        positive("maxDecompressedBytes", maxDecompressedBytes);
        positive("maxCompressionRatio", maxCompressionRatio);
        if (ratioGraceBytes < 0) {
            throw new IllegalArgumentException("ratioGraceBytes must not be negative");
        }
        positive("maxHeaderLineLength", maxHeaderLineLength);
        positive("maxHeaderCount", maxHeaderCount);
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxSignatureBytes", maxSignatureBytes);
    }

    /** The defaults listed on the record. */
    public static As2Limits defaults() {
        return DEFAULTS;
    }

    public As2Limits withMaxDecompressedBytes(long v) {
        return new As2Limits(v, maxCompressionRatio, ratioGraceBytes, maxHeaderLineLength, maxHeaderCount,
                maxNestingDepth, maxSignatureBytes);
    }

    public As2Limits withMaxCompressionRatio(int ratio, long graceBytes) {
        return new As2Limits(maxDecompressedBytes, ratio, graceBytes, maxHeaderLineLength, maxHeaderCount,
                maxNestingDepth, maxSignatureBytes);
    }

    public As2Limits withMaxHeaderLineLength(int v) {
        return new As2Limits(maxDecompressedBytes, maxCompressionRatio, ratioGraceBytes, v, maxHeaderCount,
                maxNestingDepth, maxSignatureBytes);
    }

    public As2Limits withMaxHeaderCount(int v) {
        return new As2Limits(maxDecompressedBytes, maxCompressionRatio, ratioGraceBytes, maxHeaderLineLength, v,
                maxNestingDepth, maxSignatureBytes);
    }

    public As2Limits withMaxNestingDepth(int v) {
        return new As2Limits(maxDecompressedBytes, maxCompressionRatio, ratioGraceBytes, maxHeaderLineLength,
                maxHeaderCount, v, maxSignatureBytes);
    }

    public As2Limits withMaxSignatureBytes(int v) {
        return new As2Limits(maxDecompressedBytes, maxCompressionRatio, ratioGraceBytes, maxHeaderLineLength,
                maxHeaderCount, maxNestingDepth, v);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
