package flags.sample;

import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** The flags whose details do not fit the layer language: drawn from their construction sheets. */
final class IconicFlags {
    private IconicFlags() {}

    static void paint(String code, Canvas c) {
        switch (code) {
            case "US" -> unitedStates(c);
            case "CN" -> china(c);
            case "BR" -> brazil(c);
            case "IN" -> india(c);
            case "IR" -> iran(c);
            case "KR" -> southKorea(c);
            default -> throw new IllegalArgumentException("no special drawing for " + code);
        }
    }

    /** 13 stripes; canton 2/5 wide over 7 stripes; 50 stars in 9 alternating rows of 6 and 5. */
    private static void unitedStates(Canvas c) {
        for (int i = 0; i < 13; i++) {
            c.rect(i % 2 == 0 ? 0xB22234 : 0xFFFFFF, 0, i / 13.0, 1, 1 / 13.0);
        }
        double cantonW = 0.4;
        double cantonH = 7 / 13.0;
        c.rect(0x3C3B6E, 0, 0, cantonW, cantonH);
        for (int row = 0; row < 9; row++) {
            int stars = row % 2 == 0 ? 6 : 5;
            for (int j = 0; j < stars; j++) {
                double x = cantonW * (2 * j + 1 + row % 2) / 12;
                double y = cantonH * (row + 1) / 10;
                c.star(0xFFFFFF, x, y, 0.0308, 5, 0, FlagPainter.defaultInner(5));
            }
        }
    }

    /** On a 30 x 20 grid: the large star at (5, 5), the four small ones each pointing a tip at its centre. */
    private static void china(Canvas c) {
        c.rect(0xEE1C25, 0, 0, 1, 1);
        double u = 1 / 20.0;
        c.star(0xFFFF00, 5 * u / 1.5, 5 * u, 3 * u, 5, 0, FlagPainter.defaultInner(5));
        int[][] small = {{10, 2}, {12, 4}, {12, 7}, {10, 9}};
        for (int[] s : small) {
            double rot = StrictMath.toDegrees(StrictMath.atan2(5 - s[0], -(5 - s[1])));
            c.star(0xFFFF00, s[0] * u / 1.5, s[1] * u, u, 5, rot, FlagPainter.defaultInner(5));
        }
    }

    /** On a 20 x 14 grid: rhombus 1.7 from the edges, globe of radius 3.5, band arcs of radius 8 and 8.5. */
    private static void brazil(Canvas c) {
        double mx = 1 / 20.0;
        double my = 1 / 14.0;
        c.rect(0x009C3B, 0, 0, 1, 1);
        c.fill(0xFFDF00, c.poly(1.7 * mx, 0.5, 0.5, 1.7 * my, 1 - 1.7 * mx, 0.5, 0.5, 1 - 1.7 * my));
        double r = 3.5 / 14;
        Ellipse2D globe = c.circle(0.5, 0.5, r);
        c.fill(0x002776, globe);
        Area band = new Area(c.circle(8 * mx, 1, 8.5 / 14));
        band.subtract(new Area(c.circle(8 * mx, 1, 8.0 / 14)));
        band.intersect(new Area(globe));
        c.fill(0xFFFFFF, band);
        double[][] stars = {
            {8.3, 8.9, 0.22},
            {9.4, 9.6, 0.16},
            {10.6, 9.1, 0.16},
            {11.7, 8.5, 0.2},
            {12.3, 7.9, 0.12},
            {8.9, 7.9, 0.12},
            {9.9, 8.4, 0.2},
            {11.0, 10.1, 0.12},
            {10.0, 10.4, 0.12},
            {12.4, 9.2, 0.16},
            {7.7, 7.8, 0.16},
            {10.0, 9.4, 0.1},
            {11.3, 7.4, 0.12},
            {12.1, 5.6, 0.18}
        };
        for (double[] s : stars) {
            c.star(0xFFFFFF, s[0] * mx, s[1] * my, s[2] / 14, 5, 0, FlagPainter.defaultInner(5));
        }
    }

    /** Saffron, white and green; the navy wheel is 3/4 of the white band with 24 spokes. */
    private static void india(Canvas c) {
        c.rect(0xFF9933, 0, 0, 1, 1 / 3.0);
        c.rect(0xFFFFFF, 0, 1 / 3.0, 1, 1 / 3.0);
        c.rect(0x138808, 0, 2 / 3.0, 1, 1 / 3.0);
        int navy = 0x000080;
        double r = 0.125;
        Area rim = new Area(c.circle(0.5, 0.5, r));
        rim.subtract(new Area(c.circle(0.5, 0.5, r * 0.87)));
        c.fill(navy, rim);
        c.disc(navy, 0.5, 0.5, r * 0.18);
        double cx = c.px(0.5);
        double cy = c.py(0.5);
        for (int i = 0; i < 24; i++) {
            double deg = 7.5 + 15.0 * i;
            double[] tip = Geometry.polar(cx, cy, c.len(r * 0.9), deg);
            double[] left = Geometry.polar(cx, cy, c.len(r * 0.35), deg - 5);
            double[] right = Geometry.polar(cx, cy, c.len(r * 0.35), deg + 5);
            c.fill(navy, Geometry.polygon(cx, cy, left[0], left[1], tip[0], tip[1], right[0], right[1]));
        }
    }

    /**
     * Green, white, red; a row of white takbir marks on each inner edge; the red emblem as two crescents and a blade.
     */
    private static void iran(Canvas c) {
        int green = 0x239F40;
        int red = 0xDA0000;
        c.rect(green, 0, 0, 1, 1 / 3.0);
        c.rect(0xFFFFFF, 0, 1 / 3.0, 1, 1 / 3.0);
        c.rect(red, 0, 2 / 3.0, 1, 1 / 3.0);
        for (int i = 0; i < 22; i++) {
            double x = (i + 0.2) / 22;
            c.rect(0xFFFFFF, x, 1 / 3.0 - 0.05, 0.6 / 22, 0.012);
            c.rect(0xFFFFFF, x + 0.1 / 22, 1 / 3.0 - 0.05, 0.12 / 22, 0.04);
            c.rect(0xFFFFFF, x, 2 / 3.0 + 0.038, 0.6 / 22, 0.012);
            c.rect(0xFFFFFF, x + 0.1 / 22, 2 / 3.0 + 0.01, 0.12 / 22, 0.04);
        }
        c.crescent(red, 0.5 - 0.012, 0.5, 0.13, 0.12, 0.035, -0.01);
        c.crescent(red, 0.5 + 0.012, 0.5, 0.13, 0.12, -0.035, -0.01);
        c.fill(red, c.poly(0.5, 0.36, 0.508, 0.44, 0.506, 0.64, 0.494, 0.64, 0.492, 0.44));
        c.disc(red, 0.5, 0.38, 0.015);
    }

    /** The taegeuk on the diagonal (slope 2:3) and the four trigrams, built in the diagonal's own frame. */
    private static void southKorea(Canvas c) {
        c.rect(0xFFFFFF, 0, 0, 1, 1);
        double cx = c.px(0.5);
        double cy = c.py(0.5);
        double unit = c.len(1) / 2;
        double diag = Math.sqrt(13);
        double ux = 3 / diag;
        double uy = 2 / diag;
        double r = unit / 2;
        Area disc = new Area(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        Area upper = new Area(disc);
        upper.intersect(new Area(Geometry.orientedRect(cx + uy * r, cy - ux * r, ux, uy, 2 * r, 2 * r)));
        double sx = ux * r / 2;
        double sy = uy * r / 2;
        upper.add(new Area(new Ellipse2D.Double(cx - sx - r / 2, cy - sy - r / 2, r, r)));
        upper.subtract(new Area(new Ellipse2D.Double(cx + sx - r / 2, cy + sy - r / 2, r, r)));
        c.fill(0x0047A0, disc);
        c.fill(0xCD2E3A, upper);
        // Each trigram: three bars perpendicular to its diagonal; true = solid, false = broken.
        trigram(c, cx, cy, -ux, -uy, unit, new boolean[] {true, true, true});
        trigram(c, cx, cy, ux, uy, unit, new boolean[] {false, false, false});
        trigram(c, cx, cy, ux, -uy, unit, new boolean[] {false, true, false});
        trigram(c, cx, cy, -ux, uy, unit, new boolean[] {true, false, true});
    }

    private static void trigram(Canvas c, double cx, double cy, double dx, double dy, double unit, boolean[] solid) {
        double len = unit / 2;
        double t = unit / 12;
        for (int i = 0; i < 3; i++) {
            double dist = unit * 0.75 + t * 1.5 * i + t / 2;
            double bx = cx + dx * dist;
            double by = cy + dy * dist;
            if (solid[i]) {
                c.fill(0x000000, Geometry.orientedRect(bx, by, -dy, dx, len, t));
            } else {
                double off = len / 4 + t / 4;
                double piece = len / 2 - t / 2;
                Path2D a = Geometry.orientedRect(bx - dy * off, by + dx * off, -dy, dx, piece, t);
                Path2D b = Geometry.orientedRect(bx + dy * off, by - dx * off, -dy, dx, piece, t);
                c.fill(0x000000, a);
                c.fill(0x000000, b);
            }
        }
    }
}
