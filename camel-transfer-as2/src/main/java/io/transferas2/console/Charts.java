package io.transferas2.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.transferas2.store.TransferHistory;

import static io.transferas2.console.Html.esc;
import static io.transferas2.console.Html.time;

/** Charts drawn on the server as inline SVG: no script, no library, nothing fetched. */
final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 160;

    private Charts() {
    }

    static String bucketName(String range) {
        return switch (range) {
            case "day" -> "15 minutes";
            case "week" -> "2 hours";
            default -> "minute";
        };
    }

    static Duration bucket(String range) {
        return switch (range) {
            case "day" -> Duration.ofMinutes(15);
            case "week" -> Duration.ofHours(2);
            default -> Duration.ofMinutes(1);
        };
    }

    static Duration span(String range) {
        return switch (range) {
            case "day" -> Duration.ofDays(1);
            case "week" -> Duration.ofDays(7);
            default -> Duration.ofHours(1);
        };
    }

    /** Bars per bucket: in (and out, for messages) side by side, failures marked. */
    static String bars(String id, List<TransferHistory.Bucket> buckets, boolean bytes) {
        long max = 1;
        for (TransferHistory.Bucket b : buckets) {
            max = Math.max(max, bytes ? b.inBytes() : Math.max(b.inCount(), b.outCount()));
        }
        double w = (double) WIDTH / Math.max(1, buckets.size());
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" id=\"chart-").append(id).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT + 20).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT + 20).append("\" role=\"img\"><title>").append(esc(id)).append("</title>")
                .append("<line x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(HEIGHT).append("\" stroke=\"#888\"/>");
        int i = 0;
        for (TransferHistory.Bucket b : buckets) {
            double x = i++ * w;
            if (bytes) {
                bar(s, "in", x, w, b.inBytes(), max, "#2a7ab9", time(b.start()) + ": " + b.inBytes() + " bytes");
            } else {
                bar(s, "in", x, w / 2, b.inCount(), max, "#2a7ab9", time(b.start()) + ": " + b.inCount() + " in");
                bar(s, "out", x + w / 2, w / 2, b.outCount(), max, "#3c9a4b", time(b.start()) + ": " + b.outCount()
                        + " out");
                if (b.failed() > 0) {
                    s.append("<circle class=\"failed\" cx=\"").append(fmt(x + w / 2)).append("\" cy=\"")
                            .append(HEIGHT + 10).append("\" r=\"4\" fill=\"#c0392b\"><title>").append(b.failed())
                            .append(" failed</title></circle>");
                }
            }
        }
        s.append("<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#555\">max ").append(max).append("</text></svg>");
        return s.toString();
    }

    private static void bar(StringBuilder s, String cls, double x, double w, long value, long max, String colour,
                            String title) {
        if (value <= 0) {
            return;
        }
        double h = Math.max(1, (double) value / max * (HEIGHT - 16));
        s.append("<rect class=\"").append(cls).append("\" x=\"").append(fmt(x)).append("\" y=\"")
                .append(fmt(HEIGHT - h)).append("\" width=\"").append(fmt(Math.max(1, w - 1))).append("\" height=\"")
                .append(fmt(h)).append("\" fill=\"").append(colour).append("\"><title>").append(esc(title))
                .append("</title></rect>");
    }

    /** One bar per certificate from its first to its last valid day, with today marked. */
    static String timeline(List<ConsoleData.CertificateView> certs, Instant now) {
        Instant start = now.minus(Duration.ofDays(365));
        Instant end = now.plus(Duration.ofDays(3 * 365));
        double span = Duration.between(start, end).toSeconds();
        int row = 22;
        int height = Math.max(1, certs.size()) * row + 20;
        StringBuilder s = new StringBuilder("<svg class=\"timeline\" id=\"timeline\" width=\"" + WIDTH + "\" height=\""
                + height + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\" role=\"img\"><title>rotation</title>");
        int y = 4;
        for (ConsoleData.CertificateView v : certs) {
            Instant from = v.validFrom() == null || v.validFrom().isBefore(start) ? start : v.validFrom();
            Instant to = v.validUntil() == null || v.validUntil().isAfter(end) ? end : v.validUntil();
            if (to.isAfter(from)) {
                double x1 = Duration.between(start, from).toSeconds() / span * WIDTH;
                double x2 = Duration.between(start, to).toSeconds() / span * WIDTH;
                String colour = switch (v.expiryClass()) {
                    case "expired" -> "#c0392b";
                    case "soon" -> "#e6a100";
                    default -> "#3c9a4b";
                };
                s.append("<rect x=\"").append(fmt(x1)).append("\" y=\"").append(y).append("\" width=\"")
                        .append(fmt(Math.max(1, x2 - x1))).append("\" height=\"16\" fill=\"").append(colour)
                        .append("\"").append(v.usedNow() ? " stroke=\"#000\" stroke-width=\"2\"" : "").append("><title>")
                        .append(esc(v.certificate().getCertificateId() + " " + v.certificate().getUsage() + " "
                                + time(v.validFrom()) + " - " + time(v.validUntil()))).append("</title></rect>")
                        .append("<text x=\"").append(fmt(x1 + 4)).append("\" y=\"").append(y + 12)
                        .append("\" font-size=\"11\" fill=\"#fff\">").append(esc(v.certificate().getCertificateId()))
                        .append("</text>");
            }
            y += row;
        }
        double today = Duration.between(start, now).toSeconds() / span * WIDTH;
        s.append("<line x1=\"").append(fmt(today)).append("\" y1=\"0\" x2=\"").append(fmt(today)).append("\" y2=\"")
                .append(height).append("\" stroke=\"#000\" stroke-dasharray=\"4\"/></svg>");
        return s.toString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
