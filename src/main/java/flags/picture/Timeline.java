package flags.picture;

import static flags.picture.Pictures.attributes;
import static flags.picture.Pictures.beginGroup;
import static flags.picture.Pictures.crisp;
import static flags.picture.Pictures.endGroup;
import static flags.picture.Pictures.slug;
import static flags.picture.TimelineLayout.MARGIN;
import static flags.picture.TimelineLayout.PAD;
import static flags.picture.TimelineLayout.PLOT_LEFT;
import static flags.picture.TimelineLayout.PLOT_RIGHT;
import static flags.picture.TimelineLayout.interrupted;
import static flags.picture.TimelineLayout.seconds;
import static flags.picture.TimelineLayout.uniqueId;

import flags.Attempt;
import flags.download.DownloadResult;
import flags.download.Status;
import flags.picture.TimelineLayout.Lane;
import flags.report.BatchReport;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * The {@code --timeline} picture of the download commands and bench: one lane per batch, one horizontal bar per request
 * from when it started to when it ended, rows sorted by start time, coloured by status, on a time axis in seconds
 * shared by every lane so strategies compare at a glance (a staircase for seq, a block of parallel bars for threads and
 * async).
 *
 * <p>The picture is drawn once, with Java2D, into either JFreeSVG's {@link SVGGraphics2D} or a
 * {@link BufferedImage} written as PNG. In the SVG each lane is a {@code <g id="lane-STRATEGY" class="lane">}
 * and each request one {@code <rect id="bar-STRATEGY-CC">} inside a {@code <g class="bar STATUS">} whose
 * {@code <title>} (a tooltip in browsers) tells the code, status and times. Same input, same bytes.
 */
public final class Timeline {
    /** Width of the picture in pixels; the height grows with the number of lanes and requests. */
    static final int WIDTH = 960;

    /** Bars at least this tall are labelled with their code. */
    private static final int LABEL_BAR = 8;
    /** Even a request that took no time gets a visible bar. */
    private static final double MIN_BAR = 2;

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color PLOT = new Color(247, 247, 247);
    private static final Color GRID = new Color(222, 222, 222);
    private static final Color INK = new Color(34, 34, 34);
    private static final Color MUTED = new Color(110, 110, 110);
    private static final Color OK = new Color(46, 160, 67);
    private static final Color NOT_FOUND = new Color(240, 170, 40);
    private static final Color ERROR = new Color(214, 39, 40);
    private static final Color INTERRUPTED = new Color(175, 175, 175);

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private static final String ID_PREFIX = "timeline-"; // JFreeSVG's default prefix comes from the clock

    private Timeline() {}

    /**
     * Draws {@code lanes} (one per batch, in order) to {@code file}, as SVG or PNG by its extension.
     *
     * @throws IllegalArgumentException if the file name ends in neither {@code .svg} nor {@code .png}, or
     *     there is no lane
     * @throws IOException if the file cannot be written (nothing is written if drawing fails)
     */
    public static void write(List<BatchReport> lanes, Path file) throws IOException {
        Picture picture = new Picture(lanes);
        Pictures.write(file, WIDTH, picture.height, ID_PREFIX, picture::paint);
    }

    /** The picture as a standalone SVG document (UTF-8, no DOCTYPE, scalable through its viewBox). */
    public static String svg(List<BatchReport> lanes) {
        Picture picture = new Picture(lanes);
        return Pictures.svg(WIDTH, picture.height, ID_PREFIX, picture::paint);
    }

    /** The picture as an image, {@value #WIDTH} pixels wide. */
    public static BufferedImage image(List<BatchReport> lanes) {
        Picture picture = new Picture(lanes);
        return Pictures.image(WIDTH, picture.height, picture::paint);
    }

    /** The picture as PNG bytes. */
    public static byte[] png(List<BatchReport> lanes) {
        Picture picture = new Picture(lanes);
        return Pictures.png(WIDTH, picture.height, picture::paint);
    }

    /** The laid out picture painted into any Graphics2D: the header, then each lane with its bars and axis. */
    private static final class Picture {
        private final TimelineLayout layout;
        private final TimeAxis axis;
        private final int height;
        private final Set<String> ids = new HashSet<>();

        Picture(List<BatchReport> reports) {
            this.layout = new TimelineLayout(reports);
            this.axis = layout.axis();
            this.height = layout.height();
        }

        void paint(Graphics2D g) {
            ids.clear(); // bar ids are handed out while painting; lane ids were taken by the layout
            layout.lanes().forEach(lane -> ids.add(lane.id()));
            Pictures.prepare(g, WIDTH, height, BACKGROUND);
            paintHeader(g);
            for (Lane lane : layout.lanes()) {
                paintLane(g, lane);
            }
        }

        private void paintHeader(Graphics2D g) {
            g.setFont(TEXT_FONT);
            g.setColor(MUTED);
            int baseline = 19;
            g.drawString(
                    "one bar per request, rows in start order; time in seconds since the batch started",
                    MARGIN,
                    baseline);
            List<Map.Entry<String, Color>> legend = new ArrayList<>(
                    List.of(Map.entry("ok", OK), Map.entry("not found", NOT_FOUND), Map.entry("error", ERROR)));
            if (layout.anyInterrupted()) {
                legend.add(Map.entry("interrupted", INTERRUPTED));
            }
            FontMetrics fm = g.getFontMetrics();
            int swatch = 11;
            int gap = 14;
            int width = 0;
            for (Map.Entry<String, Color> e : legend) {
                width += swatch + 5 + fm.stringWidth(e.getKey()) + gap;
            }
            int x = WIDTH - MARGIN - (width - gap);
            for (Map.Entry<String, Color> e : legend) {
                g.setColor(e.getValue());
                g.fill(new Rectangle2D.Double(x, baseline - swatch + 1, swatch, swatch));
                g.setColor(INK);
                g.drawString(e.getKey(), x + swatch + 5, baseline);
                x += swatch + 5 + fm.stringWidth(e.getKey()) + gap;
            }
        }

        private void paintLane(Graphics2D g, Lane lane) {
            BatchReport report = lane.report();
            beginGroup(g, attributes("id", lane.id(), "class", "lane"));

            int titleBaseline = lane.top() + 17;
            g.setFont(TITLE_FONT);
            g.setColor(INK);
            g.drawString(title(report), MARGIN, titleBaseline);
            g.setFont(TEXT_FONT);
            g.setColor(MUTED);
            String counts = counts(report);
            g.drawString(counts, PLOT_RIGHT - g.getFontMetrics().stringWidth(counts), titleBaseline);

            int plotTop = lane.plotTop();
            int plotBottom = plotTop + lane.plotHeight();
            g.setColor(PLOT);
            g.fill(new Rectangle2D.Double(PLOT_LEFT, plotTop, PLOT_RIGHT - PLOT_LEFT, lane.plotHeight()));
            g.setColor(GRID);
            for (int i = 0; i < axis.ticks(); i++) {
                double x = crisp(x(axis.tick(i)));
                g.draw(new Line2D.Double(x, plotTop, x, plotBottom));
            }

            if (lane.rows().isEmpty()) {
                g.setFont(TEXT_FONT);
                g.setColor(MUTED);
                String none = "no requests ran";
                int w = g.getFontMetrics().stringWidth(none);
                g.drawString(none, (PLOT_LEFT + PLOT_RIGHT - w) / 2, plotTop + lane.plotHeight() / 2 + 4);
            }
            int pitch = lane.pitch();
            int barHeight = pitch >= 6 ? pitch - 2 : pitch >= 3 ? pitch - 1 : pitch;
            Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.min(11, barHeight + 1));
            for (int i = 0; i < lane.rows().size(); i++) {
                int y = plotTop + PAD + i * pitch + (pitch - barHeight) / 2;
                paintBar(g, lane, lane.rows().get(i), y, barHeight, labelFont);
            }

            paintAxis(g, plotBottom);
            endGroup(g);
        }

        /** One bar per request of the code, joined by a thin line across the waits between its retries. */
        private void paintBar(Graphics2D g, Lane lane, DownloadResult r, int y, int barHeight, Font labelFont) {
            List<Attempt> requests =
                    r.requests().isEmpty() ? List.of(new Attempt(r.started(), r.ended())) : r.requests();
            double x0 = x(seconds(requests.get(0).start()));
            double x1 = Math.max(x(seconds(requests.get(requests.size() - 1).end())), x0 + MIN_BAR);
            Color colour = colour(r);
            beginGroup(g, attributes("class", "bar " + r.status().label() + (interrupted(r) ? " interrupted" : "")));
            if (requests.size() > 1) {
                g.setColor(colour);
                g.draw(new Line2D.Double(x0, crisp(y + barHeight / 2.0), x1, crisp(y + barHeight / 2.0)));
            }
            for (Attempt a : requests) {
                if (g instanceof SVGGraphics2D) {
                    g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, tooltip(r));
                    g.setRenderingHint(
                            SVGHints.KEY_ELEMENT_ID,
                            uniqueId(ids, "bar-" + lane.id().substring("lane-".length()) + "-" + slug(r.cc())));
                }
                double a0 = x(seconds(a.start()));
                double a1 = Math.max(x(seconds(a.end())), a0 + MIN_BAR);
                g.setColor(colour);
                g.fill(new Rectangle2D.Double(a0, y, a1 - a0, barHeight));
            }
            if (barHeight >= LABEL_BAR && r.cc() != null) {
                g.setFont(labelFont);
                FontMetrics fm = g.getFontMetrics();
                int textWidth = fm.stringWidth(r.cc());
                double baseline = y + (barHeight + 0.73 * labelFont.getSize2D()) / 2; // centres capitals
                double firstEnd = Math.max(x(seconds(requests.get(0).end())), x0 + MIN_BAR);
                if (firstEnd - x0 >= textWidth + 6) {
                    g.setColor(onColour(colour));
                    g.drawString(r.cc(), (float) (x0 + 3), (float) baseline);
                } else if (x1 + 3 + textWidth <= WIDTH - 4) {
                    g.setColor(INK);
                    g.drawString(r.cc(), (float) (x1 + 3), (float) baseline);
                } else if (x0 - 3 - textWidth >= 4) {
                    g.setColor(INK);
                    g.drawString(r.cc(), (float) (x0 - 3 - textWidth), (float) baseline);
                }
            }
            endGroup(g);
        }

        private void paintAxis(Graphics2D g, int y) {
            g.setColor(MUTED);
            double line = crisp(y);
            g.draw(new Line2D.Double(PLOT_LEFT, line, PLOT_RIGHT, line));
            g.setFont(AXIS_FONT);
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < axis.ticks(); i++) {
                double x = crisp(x(axis.tick(i)));
                g.setColor(MUTED);
                g.draw(new Line2D.Double(x, line, x, line + 4));
                // numbers centred on their tick; the unit after the last one, kept inside the picture
                String label = axis.label(i) + (i == axis.ticks() - 1 ? " s" : "");
                double left = Math.min(x - fm.stringWidth(axis.label(i)) / 2.0, WIDTH - 4 - fm.stringWidth(label));
                g.setColor(INK);
                g.drawString(label, (float) Math.max(2, left), y + 17);
            }
        }

        private double x(double t) {
            return layout.x(t);
        }
    }

    /** "threads — 20 concurrent, 20 codes, 0.24 s". */
    static String title(BatchReport report) {
        int n = report.requested().size();
        String concurrency = report.concurrency() <= 1 ? "1 at a time" : report.concurrency() + " concurrent";
        return String.format(
                Locale.ROOT,
                "%s \u2014 %s, %d code%s, %.2f s",
                report.strategy(),
                concurrency,
                n,
                n == 1 ? "" : "s",
                seconds(report.elapsed()));
    }

    /** "18 ok · 1 not found · 1 error", zero counts left out. */
    static String counts(BatchReport report) {
        StringJoiner out = new StringJoiner(" \u00b7 ");
        out.setEmptyValue("");
        add(out, report.count(Status.OK), "ok");
        add(out, report.count(Status.NOT_FOUND), "not found");
        add(out, report.count(Status.ERROR), report.count(Status.ERROR) == 1 ? "error" : "errors");
        add(out, report.notDone(), "not done");
        return out.toString();
    }

    private static void add(StringJoiner out, long n, String what) {
        if (n > 0) {
            out.add(n + " " + what);
        }
    }

    private static String tooltip(DownloadResult r) {
        StringBuilder s = new StringBuilder(String.valueOf(r.cc()))
                .append(' ')
                .append(interrupted(r) ? "interrupted" : r.status().label().replace('_', ' '));
        if (r.status() == Status.ERROR && r.error() != null) {
            s.append(": ").append(r.error());
        } else if (r.httpStatus() > 0) {
            s.append(", HTTP ").append(r.httpStatus());
        }
        if (r.attempts() > 1) {
            s.append(", ").append(r.attempts()).append(" attempts");
        }
        return s.append(String.format(Locale.ROOT, ", %.3f\u2013%.3f s", seconds(r.started()), seconds(r.ended())))
                .toString();
    }

    private static Color colour(DownloadResult r) {
        if (interrupted(r)) {
            return INTERRUPTED;
        }
        return switch (r.status()) {
            case OK -> OK;
            case NOT_FOUND -> NOT_FOUND;
            case ERROR -> ERROR;
            case NOT_DONE -> INTERRUPTED;
        };
    }

    /** White text on dark bars, dark text on light ones. */
    private static Color onColour(Color c) {
        double luminance = (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        return luminance < 0.6 ? Color.WHITE : INK;
    }
}
