package io.transferas2.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes X12-like payload files of an exact size: an ISA envelope, then LIN/QTY/PRI segments with random part
 * numbers and quantities, CRLF and bare LF line ends mixed (so nobody's canonicalisation can cheat). Written before
 * any clock starts; a 1 GB file takes a few seconds.
 */
final class EdiFiles {
    private EdiFiles() {
    }

    static Path write(Path file, long size, long seed) throws IOException {
        if (Files.exists(file) && Files.size(file) == size) {
            return file;
        }
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] header = ("ISA*00*          *00*          *ZZ*BENCH-SENDER   *ZZ*BENCH-RECEIVER "
                    + "*261121*0900*U*00401*000000001*0*T*>~\r\n").getBytes(StandardCharsets.US_ASCII);
            long written = 0;
            int fill = (int) Math.min(header.length, size);
            System.arraycopy(header, 0, block, 0, fill);
            long segment = 0;
            while (written < size) {
                while (fill < block.length) {
                    byte[] line = ("LIN*" + segment + "*BP*PART-" + random.nextInt(1_000_000) + "*VP*"
                            + Long.toHexString(random.nextLong()) + "~QTY*" + random.nextInt(10_000) + "*EA~PRI*"
                            + random.nextInt(100_000) / 100.0 + (segment % 5 == 0 ? "~\n" : "~\r\n"))
                            .getBytes(StandardCharsets.US_ASCII);
                    segment++;
                    int n = Math.min(line.length, block.length - fill);
                    System.arraycopy(line, 0, block, fill, n);
                    fill += n;
                }
                int n = (int) Math.min(fill, size - written);
                out.write(block, 0, n);
                written += n;
                fill = 0;
            }
        }
        return file;
    }
}
