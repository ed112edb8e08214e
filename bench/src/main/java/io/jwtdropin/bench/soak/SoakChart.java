package io.jwtdropin.bench.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The run as an SVG a README can embed: four panels over the minutes (answers, latency, memory, threads and
 * descriptors), with the provider's faults shaded behind them and rotations marked, so a reader sees the curves.
 */
final class SoakChart {

    private record Series(String label, String colour, ToDoubleFunction<Recorder.Minute> value) {
    }

    private static final int WIDTH = 900;
    private static final int PANEL = 140;
    private static final int LEFT = 60;
    private static final int RIGHT = 190;
    private static final int TOP = 30;

    private final List<Recorder.Minute> minutes;
    private final List<FaultSchedule.Window> windows;
    private final StringBuilder svg = new StringBuilder();

    SoakChart(List<Recorder.Minute> minutes, List<FaultSchedule.Window> windows) {
        this.minutes = minutes;
        this.windows = windows;
    }

    String render(String title) {
        int height = TOP + 4 * (PANEL + 30) + 20;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", WIDTH, height, LEFT, title));
        panel(0, "answers per minute", List.of(new Series("requests", "#1f77b4", m -> m.requests()),
                new Series("refused as they must be", "#7f7f7f", m -> m.refused()),
                new Series("wrong answers", "#d62728", m -> m.wrongTotal())));
        panel(1, "latency, ms", List.of(new Series("p50", "#2ca02c", m -> m.p50() / 1000.0),
                new Series("p99", "#ff7f0e", m -> m.p99() / 1000.0)));
        panel(2, "server memory, MiB", List.of(new Series("heap after full GC", "#9467bd", m -> m.server().heapAfterGcKb() / 1024.0),
                new Series("resident (RSS)", "#8c564b", m -> m.server().rssKb() / 1024.0)));
        panel(3, "server threads and descriptors", List.of(new Series("live threads", "#17becf", m -> m.server().threads()),
                new Series("open descriptors", "#bcbd22", m -> m.server().fds())));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void panel(int index, String name, List<Series> series) {
        int y0 = TOP + index * (PANEL + 30) + 15;
        int plotWidth = WIDTH - LEFT - RIGHT;
        double max = 1;
        for (Series s : series) {
            for (Recorder.Minute m : minutes) {
                max = Math.max(max, s.value().applyAsDouble(m));
            }
        }
        max = niceCeiling(max);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", LEFT, y0 - 4, name));
        for (FaultSchedule.Window w : windows) {
            double x1 = x(w.fromSecond() / 60.0, plotWidth);
            double x2 = Math.max(x1 + 1, x(w.toSecond() / 60.0, plotWidth));
            String fill = switch (w.what()) {
                case "down" -> "#f8d0d0";
                case "slow" -> "#fde5c0";
                case "500" -> "#e3d4f0";
                default -> "#c8e6c9";
            };
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    x1, y0, x2 - x1, PANEL, fill));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                LEFT, y0, plotWidth, PANEL));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT - 4, y0 + 10, label(max)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n", LEFT - 4, y0 + PANEL));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">minute %d</text>%n",
                LEFT + plotWidth, y0 + PANEL + 12, minutes.size()));
        int legend = 0;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (Recorder.Minute m : minutes) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(m.index() + 0.5, plotWidth),
                        y0 + PANEL - PANEL * s.value().applyAsDouble(m) / max));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>%n",
                    s.colour(), points.toString().trim()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotWidth + 10, y0 + 4 + legend * 16, s.colour(),
                    LEFT + plotWidth + 24, y0 + 13 + legend * 16, s.label()));
            legend++;
        }
        if (index == 0) {
            String[][] keys = {{"#f8d0d0", "key provider down"}, {"#fde5c0", "slow (10 s)"}, {"#e3d4f0", "answering 500"},
                {"#c8e6c9", "key rotation"}};
            for (String[] key : keys) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotWidth + 10, y0 + 4 + legend * 16, key[0],
                        LEFT + plotWidth + 24, y0 + 13 + legend * 16, key[1]));
                legend++;
            }
        }
    }

    private double x(double minute, int plotWidth) {
        return LEFT + plotWidth * Math.min(minute, minutes.size()) / Math.max(1, minutes.size());
    }

    private static double niceCeiling(double value) {
        double step = Math.pow(10, Math.floor(Math.log10(value)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * step >= value) {
                return f * step;
            }
        }
        return 10 * step;
    }

    private static String label(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
