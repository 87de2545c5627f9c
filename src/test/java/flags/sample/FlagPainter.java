package flags.sample;

import java.awt.Rectangle;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Draws a design written in the small layer language of {@link FlagDesigns} onto a {@link Canvas}. */
final class FlagPainter {
    private final Canvas c;
    private final String code;

    FlagPainter(Canvas canvas, String code) {
        this.c = canvas;
        this.code = code;
    }

    void paint(String layers) {
        for (String layer : layers.split("\\|")) {
            Args a = new Args(layer.trim().split("\\s+"));
            try {
                paintLayer(a.word(), a);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(code + ": bad layer '" + layer.trim() + "'", e);
            }
        }
    }

    private void paintLayer(String op, Args a) {
        switch (op) {
            case "h" -> bands(a, true);
            case "v" -> bands(a, false);
            case "field" -> c.rect(a.color(), 0, 0, 1, 1);
            case "rect" -> c.rect(a.color(), a.num(), a.num(), a.num(), a.num());
            case "poly" -> c.fill(a.color(), c.poly(a.rest()));
            case "disc" -> c.disc(a.color(), a.num(), a.num(), a.num());
            case "ellipse" -> ellipse(a.color(), a.num(), a.num(), a.num(), a.num());
            case "ring" -> ring(a.color(), a.num(), a.num(), a.num(), a.num(), false);
            case "halfring" -> ring(a.color(), a.num(), a.num(), a.num(), a.num(), true);
            case "star" -> star(a);
            case "crescent" -> c.crescent(a.color(), a.num(), a.num(), a.num(), a.num(), a.num(), a.num());
            case "nordic" -> nordic(a.color(), a.num(), a.num());
            case "cross" -> nordic(a.color(), 0.5, a.num());
            case "saltire" -> saltire(a.color(), a.num());
            case "band" -> c.band(a.color(), a.num(), a.num(), a.num(), a.num(), a.num());
            case "bar" -> c.bar(a.color(), a.num(), a.num(), a.num(), a.num(), a.num());
            case "tri" -> {
                int color = a.color();
                c.fill(color, c.poly(0, 0, a.num(), 0.5, 0, 1));
            }
            case "serrate" -> serrate(a.color(), a.num(), a.num(), (int) a.num());
            case "starring" -> starRing(a);
            case "starline" -> starLine(a.color(), a.num(), a.num(), a.num(), a.num(), (int) a.num(), a.num());
            case "pentagram" -> outline(a.color(), a.num(), a.num(), a.num(), a.num(), 5, 2);
            case "hexagram" -> hexagram(a.color(), a.num(), a.num(), a.num(), a.num());
            case "rhombus" -> rhombus(a.color(), a.num(), a.num(), a.num(), a.num());
            case "checker" ->
                checker(a.color(), a.color(), a.num(), a.num(), a.num(), a.num(), (int) a.num(), (int) a.num());
            case "ornament" -> ornament(a.color(), a.num(), a.num(), a.num(), a.num(), (int) a.num());
            case "icon" -> icon(Icons.get(a.word()), a.color(), a.num(), a.num(), a.num());
            case "spokes" -> spokes(a);
            case "union" -> unionJack(a.num(), a.num(), a.num(), a.num());
            case "ph" -> placeholder(a.color(), a.color());
            case "special" -> IconicFlags.paint(code, c);
            default -> throw new IllegalArgumentException("unknown layer " + op);
        }
        a.done();
    }

    /** Stripes across (h) or along (v) the flag; "RRGGBB*3" weighs a stripe three times. */
    private void bands(Args a, boolean horizontal) {
        String[] specs = a.restWords();
        int[] colors = new int[specs.length];
        int[] weights = new int[specs.length];
        int total = 0;
        for (int i = 0; i < specs.length; i++) {
            String[] cw = specs[i].split("\\*");
            colors[i] = Args.parseColor(cw[0]);
            weights[i] = cw.length > 1 ? Integer.parseInt(cw[1]) : 1;
            total += weights[i];
        }
        int start = 0;
        for (int i = 0; i < specs.length; i++) {
            double from = (double) start / total;
            double size = (double) weights[i] / total;
            if (horizontal) {
                c.rect(colors[i], 0, from, 1, size);
            } else {
                c.rect(colors[i], from, 0, size, 1);
            }
            start += weights[i];
        }
    }

    private void ellipse(int color, double cx, double cy, double rx, double ry) {
        c.fill(color, new Ellipse2D.Double(c.px(cx) - c.len(rx), c.py(cy) - c.len(ry), 2 * c.len(rx), 2 * c.len(ry)));
    }

    private void ring(int color, double cx, double cy, double r, double t, boolean lowerHalf) {
        Area ring = new Area(c.circle(cx, cy, r));
        ring.subtract(new Area(c.circle(cx, cy, r - t)));
        if (lowerHalf) {
            ring.intersect(new Area(new Rectangle2D.Double(0, c.py(cy), c.w, c.h)));
        }
        c.fill(color, ring);
    }

    private void star(Args a) {
        int color = a.color();
        double cx = a.num();
        double cy = a.num();
        double r = a.num();
        int points = a.has() ? (int) a.num() : 5;
        double rot = a.has() ? a.num() : 0;
        c.star(color, cx, cy, r, points, rot, a.has() ? a.num() : defaultInner(points));
    }

    /** A regular five-pointed star's inner radius; rounder stars for more points. */
    static double defaultInner(int points) {
        return points == 5 ? 0.381966 : 0.5;
    }

    /** A cross whose vertical bar is centred at cx (fraction of width), both bars t thick (fraction of height). */
    private void nordic(int color, double cx, double t) {
        double x = c.px(cx) - c.len(t) / 2;
        c.fill(color, new Rectangle2D.Double(x, 0, c.len(t), c.h));
        c.fill(color, new Rectangle2D.Double(0, c.py(0.5) - c.len(t) / 2, c.w, c.len(t)));
    }

    private void saltire(int color, double t) {
        c.band(color, 0, 0, 1, 1, t);
        c.band(color, 0, 1, 1, 0, t);
    }

    /** White hoist band with n triangular teeth reaching from xa to xb (Qatar, Bahrain). */
    private void serrate(int color, double xa, double xb, int n) {
        double[] xy = new double[(2 * n + 3) * 2];
        int k = 0;
        xy[k++] = 0;
        xy[k++] = 0;
        for (int i = 0; i <= 2 * n; i++) {
            xy[k++] = i % 2 == 0 ? xa : xb;
            xy[k++] = (double) i / (2 * n);
        }
        xy[k++] = 0;
        xy[k] = 1;
        c.fill(color, c.poly(xy));
    }

    /** n stars on a circle of radius R: spread evenly over the whole turn, or from angle a0 to a1 inclusive. */
    private void starRing(Args a) {
        int color = a.color();
        double cx = a.num();
        double cy = a.num();
        double radius = a.num();
        int n = (int) a.num();
        double r = a.num();
        double a0 = a.has() ? a.num() : 0;
        boolean arc = a.has();
        double a1 = arc ? a.num() : a0 + 360;
        for (int i = 0; i < n; i++) {
            double deg = arc ? a0 + (a1 - a0) * i / (n - 1) : a0 + 360.0 * i / n;
            double[] p = Geometry.polar(c.px(cx), c.py(cy), c.len(radius), deg);
            c.fill(color, Geometry.star(p[0], p[1], c.len(r), 5, 0, defaultInner(5)));
        }
    }

    private void starLine(int color, double x1, double y1, double x2, double y2, int n, double r) {
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : (double) i / (n - 1);
            c.star(color, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t, r, 5, 0, defaultInner(5));
        }
    }

    /** Lines joining every step-th of n points on a circle: an interlaced pentagram for n=5, step=2. */
    private void outline(int color, double cx, double cy, double r, double t, int n, int step) {
        Area all = new Area();
        for (int i = 0; i < n; i++) {
            double[] p = Geometry.polar(c.px(cx), c.py(cy), c.len(r), 360.0 * i / n);
            double[] q = Geometry.polar(c.px(cx), c.py(cy), c.len(r), 360.0 * (i + step) / n);
            all.add(new Area(Geometry.bar(p[0], p[1], q[0], q[1], c.len(t), c.len(t) / 2)));
        }
        c.fill(color, all);
    }

    private void hexagram(int color, double cx, double cy, double r, double t) {
        Area all = new Area();
        for (int i = 0; i < 6; i++) {
            double[] p = Geometry.polar(c.px(cx), c.py(cy), c.len(r), 60.0 * i);
            double[] q = Geometry.polar(c.px(cx), c.py(cy), c.len(r), 60.0 * (i + 2));
            all.add(new Area(Geometry.bar(p[0], p[1], q[0], q[1], c.len(t), c.len(t) * 0.58)));
        }
        c.fill(color, all);
    }

    /** A rhombus with half-diagonals rx (fraction of width) and ry (fraction of height). */
    private void rhombus(int color, double cx, double cy, double rx, double ry) {
        c.fill(color, c.poly(cx - rx, cy, cx, cy - ry, cx + rx, cy, cx, cy + ry));
    }

    private void checker(int c1, int c2, double x, double y, double w, double h, int nx, int ny) {
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                c.rect((i + j) % 2 == 0 ? c1 : c2, x + w * i / nx, y + h * j / ny, w / nx, h / ny);
            }
        }
    }

    /** A column of n rhombi filling the box, like the Belarusian and Kazakh hoist ornaments. */
    private void ornament(int color, double x, double y, double w, double h, int n) {
        for (int i = 0; i < n; i++) {
            rhombus(color, x + w / 2, y + h * (i + 0.5) / n, w / 2, h / (2 * n));
        }
    }

    private void icon(double[] unit, int color, double cx, double cy, double size) {
        double half = c.len(size) / 2;
        double[] xy = new double[unit.length];
        for (int i = 0; i < unit.length; i += 2) {
            xy[i] = c.px(cx) + unit[i] * half;
            xy[i + 1] = c.py(cy) + unit[i + 1] * half;
        }
        c.fill(color, Geometry.polygon(xy));
    }

    /** n radial bars from radius r1 to r2, t thick, the first at angle rot (0 = up). */
    private void spokes(Args a) {
        int color = a.color();
        double cx = a.num();
        double cy = a.num();
        double r1 = a.num();
        double r2 = a.num();
        int n = (int) a.num();
        double t = a.num();
        double rot = a.has() ? a.num() : 0;
        for (int i = 0; i < n; i++) {
            double deg = rot + 360.0 * i / n;
            double[] p = Geometry.polar(c.px(cx), c.py(cy), c.len(r1), deg);
            double[] q = Geometry.polar(c.px(cx), c.py(cy), c.len(r2), deg);
            c.fill(color, Geometry.bar(p[0], p[1], q[0], q[1], c.len(t), 0));
        }
    }

    /** The Union Jack filling the box (fractions), with the red saltire counterchanged as on the real flag. */
    private void unionJack(double x, double y, double w, double h) {
        Rectangle box = new Rectangle(
                (int) Math.round(c.px(x)),
                (int) Math.round(c.py(y)),
                (int) Math.round(c.px(x + w)) - (int) Math.round(c.px(x)),
                (int) Math.round(c.py(y + h)) - (int) Math.round(c.py(y)));
        double u = box.height / 30.0;
        double cx = box.getCenterX();
        double cy = box.getCenterY();
        c.fillClipped(0x012169, box, box);
        double[][] corners = {
            {box.x, box.y}, {box.getMaxX(), box.y}, {box.getMaxX(), box.getMaxY()}, {box.x, box.getMaxY()}
        };
        for (double[] k : corners) {
            c.fillClipped(0xFFFFFF, Geometry.bar(cx, cy, k[0], k[1], 6 * u, 2 * u), box);
        }
        for (double[] k : corners) {
            double dx = k[0] - cx;
            double dy = k[1] - cy;
            double len = Math.sqrt(dx * dx + dy * dy);
            double ox = dy / len * u;
            double oy = -dx / len * u;
            c.fillClipped(0xC8102E, Geometry.bar(cx + ox, cy + oy, k[0] + ox, k[1] + oy, 2 * u, 2 * u), box);
        }
        Path2D whiteCross = crossPath(box, cx, cy, 10 * u);
        c.fillClipped(0xFFFFFF, whiteCross, box);
        c.fillClipped(0xC8102E, crossPath(box, cx, cy, 6 * u), box);
    }

    private static Path2D crossPath(Rectangle box, double cx, double cy, double t) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
        p.append(Geometry.rect(cx - t / 2, box.y, t, box.height), false);
        p.append(Geometry.rect(box.x, cy - t / 2, box.width, t), false);
        return p;
    }

    /** Two colours and the code in block letters: for designs too detailed for the layer language. */
    private void placeholder(int top, int bottom) {
        c.rect(top, 0, 0, 1, 0.5);
        c.rect(bottom, 0, 0.5, 1, 0.5);
        double cell = c.len(0.05);
        double boxW = 13 * cell;
        double boxH = 9 * cell;
        double x0 = c.w / 2 - boxW / 2;
        double y0 = c.h / 2 - boxH / 2;
        c.fill(0xFFFFFF, Geometry.rect(x0, y0, boxW, boxH));
        for (int k = 0; k < code.length(); k++) {
            for (int row = 0; row < 7; row++) {
                for (int col = 0; col < 5; col++) {
                    if (Glyphs.ink(code.charAt(k), col, row)) {
                        c.fill(
                                0x000000,
                                Geometry.rect(x0 + (1 + 6 * k + col) * cell, y0 + (1 + row) * cell, cell, cell));
                    }
                }
            }
        }
    }
}
