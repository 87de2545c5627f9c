package flags.sample;

import java.awt.geom.Path2D;

/** Pixel-space shapes built from exact arithmetic and StrictMath, so every JDK computes the same vertices. */
final class Geometry {
    private Geometry() {}

    static Path2D polygon(double... xy) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, xy.length / 2);
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    static Path2D rect(double x, double y, double w, double h) {
        return polygon(x, y, x + w, y, x + w, y + h, x, y + h);
    }

    /** A star with {@code points} tips; rotation 0 puts a tip straight up, positive turns clockwise. */
    static Path2D star(double cx, double cy, double r, int points, double rotDeg, double inner) {
        double[] xy = new double[points * 4];
        for (int i = 0; i < points * 2; i++) {
            double a = StrictMath.toRadians(rotDeg + 180.0 * i / points);
            double rr = i % 2 == 0 ? r : r * inner;
            xy[2 * i] = cx + rr * StrictMath.sin(a);
            xy[2 * i + 1] = cy - rr * StrictMath.cos(a);
        }
        return polygon(xy);
    }

    /** The point at distance r and angle deg (0 = up, clockwise) from (cx, cy). */
    static double[] polar(double cx, double cy, double r, double deg) {
        double a = StrictMath.toRadians(deg);
        return new double[] {cx + r * StrictMath.sin(a), cy - r * StrictMath.cos(a)};
    }

    /** A rectangle of thickness t along the segment, lengthened by {@code extend} at each end. */
    static Path2D bar(double x1, double y1, double x2, double y2, double t, double extend) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = Math.sqrt(dx * dx + dy * dy);
        double ux = dx / len;
        double uy = dy / len;
        double nx = -uy * t / 2;
        double ny = ux * t / 2;
        double ax = x1 - ux * extend;
        double ay = y1 - uy * extend;
        double bx = x2 + ux * extend;
        double by = y2 + uy * extend;
        return polygon(ax + nx, ay + ny, bx + nx, by + ny, bx - nx, by - ny, ax - nx, ay - ny);
    }

    /** A rectangle of size len x t centred on (cx, cy), its long side along the unit vector (ux, uy). */
    static Path2D orientedRect(double cx, double cy, double ux, double uy, double len, double t) {
        return bar(cx - ux * len / 2, cy - uy * len / 2, cx + ux * len / 2, cy + uy * len / 2, t, 0);
    }
}
