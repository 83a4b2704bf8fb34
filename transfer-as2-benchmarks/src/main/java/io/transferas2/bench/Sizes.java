package io.transferas2.bench;

import java.util.Locale;

/** Sizes as written on the command line and in tables: 10KB, 200MB, 1GB (binary multiples). */
final class Sizes {
    private Sizes() {
    }

    static long parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("GB")) {
            unit = 1L << 30;
        } else if (t.endsWith("MB")) {
            unit = 1L << 20;
        } else if (t.endsWith("KB")) {
            unit = 1L << 10;
        }
        String number = t.replaceAll("[A-Z]+$", "");
        return (long) (Double.parseDouble(number) * unit);
    }

    static String format(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "GB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "MB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "KB";
        }
        return bytes + "B";
    }
}
