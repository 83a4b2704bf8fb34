package io.transferas2.as2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Marks I/O errors by the layer that raised them, so a failure deep inside nested streams still maps to the right
 * failure code: a bad padding block is DECRYPT_FAILED, a corrupt or oversized deflate stream DECOMPRESSION_FAILED.
 */
final class StreamFailures {
    private StreamFailures() {
    }

    /** Raised by the decompression layer: corrupt data or a broken limit. */
    static final class DecompressionException extends IOException {
        private static final long serialVersionUID = 1L;

        DecompressionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Finds a marked failure in a cause chain and turns it into the matching As2Exception, or returns null. */
    static As2Exception classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof As2Exception a) {
                return a;
            }
            if (c instanceof StreamingKeyTransRecipient.DecryptionException) {
                return Failures.decryptFailed(c.getMessage(), c);
            }
            if (c instanceof DecompressionException) {
                return Failures.decompressionFailed(c.getMessage(), c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /**
     * Wraps an inflating stream: counts the expanded bytes against the size and ratio limits and marks every I/O
     * error as a decompression failure.
     */
    static InputStream guardInflation(InputStream expanded, CountingInputStream compressed, As2Limits limits) {
        return new FilterInputStream(expanded) {
            private long total;

            @Override
            public int read() throws IOException {
                return ReadByRange.readOne(this);
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = in.read(b, off, len);
                } catch (DecompressionException | StreamingKeyTransRecipient.DecryptionException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    if (classify(e) != null) {
                        throw e;
                    }
                    throw new DecompressionException("corrupt compressed data: " + e.getMessage(), e);
                }
                if (n > 0) {
                    total += n;
                    if (total > limits.maxDecompressedBytes()) {
                        throw new DecompressionException("decompressed size exceeds " + limits.maxDecompressedBytes()
                                + " bytes (maxDecompressedBytes)", null);
                    }
                    if (total > limits.ratioGraceBytes()
                            && total > Math.max(1, compressed.count()) * (double) limits.maxCompressionRatio()) {
                        throw new DecompressionException("compression ratio exceeds " + limits.maxCompressionRatio()
                                + ":1 (maxCompressionRatio); refusing a possible zip bomb", null);
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                return ReadByRange.skip(this, n);
            }
        };
    }

    /** Counts the bytes read through it. */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }
}
