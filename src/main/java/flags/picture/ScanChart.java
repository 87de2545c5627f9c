package flags.picture;

import static flags.picture.Pictures.attributes;
import static flags.picture.Pictures.beginGroup;
import static flags.picture.Pictures.crisp;
import static flags.picture.Pictures.endGroup;
import static flags.picture.Pictures.slug;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code --plot} picture of a concurrency scan: median batch time against {@code -m}, both on log axes, one
 * curve per strategy and the ideal as a dashed curve, with a ring where a curve leaves the ideal. In the SVG each
 * curve is a {@code <g id="series-NAME" class="series">} (the ideal's {@code id="series-ideal"}), each axis a
 * {@code <g class="axis">} with its ticks and title, each ring a {@code <g class="leaves-ideal">}, and what the rings
 * mean a {@code <g class="note">}.
 */
public final class ScanChart {
    static final int WIDTH = 960;
    static final int HEIGHT = 600;

    private static final int LEFT = 78;
    private static final int RIGHT = WIDTH - 28;
    private static final int TOP = 74;
    private static final int BOTTOM = HEIGHT - 62;
    private static final double[] STEPS = {1, 2, 5};

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color PLOT = new Color(247, 247, 247);
    private static final Color GRID = new Color(222, 222, 222);
    private static final Color INK = new Color(34, 34, 34);
    private static final Color MUTED = new Color(110, 110, 110);
    private static final Color IDEAL = new Color(120, 120, 120);
    private static final Color[] PALETTE = {
        new Color(31, 119, 180),
        new Color(255, 127, 14),
        new Color(148, 103, 189),
        new Color(44, 160, 44),
        new Color(214, 39, 40)
    };

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private ScanChart() {}

    /** A point of a curve: at {@code -m} = {@code m}, {@code seconds}. */
    public record Point(double m, double seconds) {}

    /** One curve; {@code leavesAt} is the point to ring as where it leaves the ideal (null for none). */
    public record Curve(String name, List<Point> points, Point leavesAt) {
        public Curve {
            points = List.copyOf(points);
        }
    }

    /**
     * What to draw: a title and a line about the workload, the axes' titles, the measured curves, the ideal with its
     * legend label, and what the rings mean (drawn in the plot's empty top right corner; null for no rings).
     */
    public record Chart(
            String title,
            String workload,
            String xTitle,
            String yTitle,
            List<Curve> measured,
            Curve ideal,
            String idealLabel,
            String ringsNote) {
        public Chart {
            measured = List.copyOf(measured);
            Objects.requireNonNull(ideal, "ideal");
        }
    }

    /** Draws {@code chart} to {@code file}, as SVG or PNG by its extension. */
    public static void write(Chart chart, Path file) throws IOException {
        Pictures.write(file, WIDTH, HEIGHT, "scan-", g -> paint(g, chart));
    }

    public static String svg(Chart chart) {
        return Pictures.svg(WIDTH, HEIGHT, "scan-", g -> paint(g, chart));
    }

    public static byte[] png(Chart chart) {
        return Pictures.png(WIDTH, HEIGHT, g -> paint(g, chart));
    }

    /** A log axis over the data, padded a little, with 1-2-5 ticks. */
    record LogAxis(double low, double high) {
        static LogAxis covering(List<Double> values) {
            double min = values.stream()
                    .mapToDouble(Double::doubleValue)
                    .filter(v -> v > 0)
                    .min()
                    .orElse(1);
            double max = values.stream()
                    .mapToDouble(Double::doubleValue)
                    .filter(v -> v > 0)
                    .max()
                    .orElse(10);
            if (max <= min) {
                max = min * 10;
            }
            double pad = (Math.log10(max) - Math.log10(min)) * 0.06;
            return new LogAxis(Math.pow(10, Math.log10(min) - pad), Math.pow(10, Math.log10(max) + pad));
        }

        /** Where {@code v} falls, from 0 (low) to 1 (high). */
        double position(double v) {
            return (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
        }

        /** 1, 2 and 5 times each power of ten inside the axis; only the powers of ten when that is too many. */
        List<Double> ticks() {
            List<Double> all = new ArrayList<>();
            List<Double> decades = new ArrayList<>();
            for (int e = (int) Math.floor(Math.log10(low)); e <= (int) Math.ceil(Math.log10(high)); e++) {
                for (double step : STEPS) {
                    double v = step * Math.pow(10, e);
                    if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)) {
                        all.add(v);
                        if (step == 1) {
                            decades.add(v);
                        }
                    }
                }
            }
            return all.size() <= 14 || decades.size() < 2 ? all : decades;
        }
    }

    /** "0.05", "0.5", "2", "200": as few decimals as the value needs. */
    static String label(double v) {
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        int decimals = (int) Math.ceil(-Math.log10(v) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void paint(Graphics2D g, Chart chart) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Curve> all = new ArrayList<>(chart.measured());
        all.add(chart.ideal());
        for (Curve c : all) {
            for (Point p : c.points()) {
                xs.add(p.m());
                ys.add(p.seconds());
            }
        }
        LogAxis x = LogAxis.covering(xs);
        LogAxis y = LogAxis.covering(ys);
        Pictures.prepare(g, WIDTH, HEIGHT, BACKGROUND);

        g.setFont(TITLE_FONT);
        g.setColor(INK);
        g.drawString(chart.title(), LEFT, 26);
        g.setFont(TEXT_FONT);
        g.setColor(MUTED);
        g.drawString(chart.workload(), LEFT, 44);

        g.setColor(PLOT);
        g.fill(new Rectangle2D.Double(LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP));
        paintAxis(g, x, true, chart.xTitle());
        paintAxis(g, y, false, chart.yTitle());

        paintCurve(g, chart.ideal(), "series-ideal", "series ideal", IDEAL, true, x, y);
        for (int i = 0; i < chart.measured().size(); i++) {
            Curve c = chart.measured().get(i);
            paintCurve(g, c, "series-" + slug(c.name()), "series", colour(i), false, x, y);
        }
        for (int i = 0; i < chart.measured().size(); i++) {
            paintLeaving(g, chart.measured().get(i), colour(i), x, y);
        }
        paintRingsNote(g, chart.ringsNote());
        paintLegend(g, chart);
    }

    private static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    private static double px(LogAxis x, double m) {
        return LEFT + x.position(m) * (RIGHT - LEFT);
    }

    private static double py(LogAxis y, double seconds) {
        return BOTTOM - y.position(seconds) * (BOTTOM - TOP);
    }

    /** An axis: its grid lines and tick labels, its line, and its title (turned upright for the y axis). */
    private static void paintAxis(Graphics2D g, LogAxis axis, boolean horizontal, String title) {
        beginGroup(g, attributes("id", horizontal ? "axis-x" : "axis-y", "class", "axis"));
        g.setFont(AXIS_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (double t : axis.ticks()) {
            double at = crisp(horizontal ? px(axis, t) : py(axis, t));
            String text = label(t);
            g.setColor(GRID);
            g.draw(horizontal ? new Line2D.Double(at, TOP, at, BOTTOM) : new Line2D.Double(LEFT, at, RIGHT, at));
            g.setColor(INK);
            if (horizontal) {
                g.drawString(text, (float) (at - fm.stringWidth(text) / 2.0), BOTTOM + 16);
            } else {
                g.drawString(text, (float) (LEFT - 6 - fm.stringWidth(text)), (float) (at + 3.5));
            }
        }
        g.setColor(MUTED);
        g.draw(
                horizontal
                        ? new Line2D.Double(LEFT, crisp(BOTTOM), RIGHT, crisp(BOTTOM))
                        : new Line2D.Double(crisp(LEFT), TOP, crisp(LEFT), BOTTOM));
        g.setFont(TEXT_FONT);
        g.setColor(INK);
        fm = g.getFontMetrics();
        if (horizontal) {
            g.drawString(title, (float) ((LEFT + RIGHT - fm.stringWidth(title)) / 2.0), BOTTOM + 40);
        } else {
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(title, (float) (-(TOP + BOTTOM + fm.stringWidth(title)) / 2.0), 22f);
            g.setTransform(saved);
        }
        endGroup(g);
    }

    /**
     * A measured curve joins its points; the ideal ({@code steps}) is a staircase: its value at m holds until m + 1,
     * where ⌈N/m⌉ may drop by a wave.
     */
    private static void paintCurve(
            Graphics2D g, Curve c, String id, String cssClass, Color colour, boolean steps, LogAxis x, LogAxis y) {
        beginGroup(g, attributes("id", id, "class", cssClass));
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < c.points().size(); i++) {
            Point p = c.points().get(i);
            if (i == 0) {
                path.moveTo(px(x, p.m()), py(y, p.seconds()));
            } else {
                if (steps) {
                    path.lineTo(px(x, p.m()), py(y, c.points().get(i - 1).seconds()));
                }
                path.lineTo(px(x, p.m()), py(y, p.seconds()));
            }
        }
        g.setColor(colour);
        g.setStroke(
                steps
                        ? new BasicStroke(
                                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                        : new BasicStroke(2f));
        g.draw(path);
        g.setStroke(new BasicStroke(1f));
        if (!steps) {
            for (Point p : c.points()) {
                g.fill(new Ellipse2D.Double(px(x, p.m()) - 3.5, py(y, p.seconds()) - 3.5, 7, 7));
            }
        }
        endGroup(g);
    }

    /** A ring, in the curve's colour, on the point where it leaves the ideal. */
    private static void paintLeaving(Graphics2D g, Curve c, Color colour, LogAxis x, LogAxis y) {
        if (c.leavesAt() == null) {
            return;
        }
        beginGroup(g, attributes("id", "leaves-" + slug(c.name()), "class", "leaves-ideal"));
        double cx = px(x, c.leavesAt().m());
        double cy = py(y, c.leavesAt().seconds());
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Ellipse2D.Double(cx - 9, cy - 9, 18, 18));
        g.setStroke(new BasicStroke(1f));
        endGroup(g);
    }

    /** The rings' meaning, right-aligned at the top of the plot, where falling curves leave room. */
    private static void paintRingsNote(Graphics2D g, String note) {
        if (note == null) {
            return;
        }
        beginGroup(g, attributes("id", "rings-note", "class", "note"));
        g.setFont(TEXT_FONT);
        g.setColor(INK);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(note, (float) (RIGHT - 8 - fm.stringWidth(note)), TOP + 18);
        endGroup(g);
    }

    private static void paintLegend(Graphics2D g, Chart chart) {
        beginGroup(g, attributes("id", "legend", "class", "legend"));
        g.setFont(TEXT_FONT);
        FontMetrics fm = g.getFontMetrics();
        int x = LEFT;
        int baseline = 62;
        for (int i = 0; i < chart.measured().size(); i++) {
            String name = chart.measured().get(i).name();
            g.setColor(colour(i));
            g.setStroke(new BasicStroke(2f));
            g.draw(new Line2D.Double(x, baseline - 4, x + 18, baseline - 4));
            g.fill(new Ellipse2D.Double(x + 5.5, baseline - 7.5, 7, 7));
            g.setStroke(new BasicStroke(1f));
            g.setColor(INK);
            g.drawString(name, x + 24, baseline);
            x += 24 + fm.stringWidth(name) + 18;
        }
        g.setColor(IDEAL);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.draw(new Line2D.Double(x, baseline - 4, x + 18, baseline - 4));
        g.setStroke(new BasicStroke(1f));
        g.setColor(INK);
        g.drawString(chart.idealLabel(), x + 24, baseline);
        endGroup(g);
    }
}
