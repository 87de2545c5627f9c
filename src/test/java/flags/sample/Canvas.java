package flags.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * A flag being drawn: x in fractions of the width, y in fractions of the height, lengths in fractions of the height.
 */
final class Canvas {
    private final BufferedImage image;
    private final Graphics2D g;
    final double w;
    final double h;

    Canvas(int widthPx, int heightPx) {
        image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        // Aliased, unnormalised fills: smoothing is done later by our own supersampling, so the
        // output does not depend on the JDK's antialiasing rasteriser (Marlin changes between releases).
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, widthPx, heightPx);
        w = widthPx;
        h = heightPx;
    }

    /**
     * Ends the drawing and averages each factor x factor block into one pixel: integer arithmetic, so the smoothing
     * is identical on every JDK.
     */
    int[] downsample(int factor) {
        g.dispose();
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int bigW = image.getWidth();
        int outW = bigW / factor;
        int outH = image.getHeight() / factor;
        int n = factor * factor;
        int[] out = new int[outW * outH];
        int[] sums = new int[outW * 3];
        for (int y = 0; y < outH; y++) {
            Arrays.fill(sums, 0);
            for (int sy = 0; sy < factor; sy++) {
                int i = (y * factor + sy) * bigW;
                for (int x = 0; x < 3 * outW; x += 3) {
                    for (int sx = 0; sx < factor; sx++, i++) {
                        int p = src[i];
                        sums[x] += (p >> 16) & 0xFF;
                        sums[x + 1] += (p >> 8) & 0xFF;
                        sums[x + 2] += p & 0xFF;
                    }
                }
            }
            for (int x = 0; x < outW; x++) {
                out[y * outW + x] = (sums[3 * x] + n / 2) / n << 16
                        | (sums[3 * x + 1] + n / 2) / n << 8
                        | (sums[3 * x + 2] + n / 2) / n;
            }
        }
        return out;
    }

    double px(double x) {
        return x * w;
    }

    double py(double y) {
        return y * h;
    }

    double len(double r) {
        return r * h;
    }

    void fill(int rgb, Shape shape) {
        g.setColor(new Color(rgb));
        g.fill(shape);
    }

    /** Fills {@code shape} only inside the given pixel rectangle (used for the Union Jack canton). */
    void fillClipped(int rgb, Shape shape, Rectangle clip) {
        Shape old = g.getClip();
        g.setClip(clip);
        fill(rgb, shape);
        g.setClip(old);
    }

    void rect(int rgb, double x, double y, double rw, double rh) {
        fill(rgb, Geometry.rect(px(x), py(y), px(x + rw) - px(x), py(y + rh) - py(y)));
    }

    void disc(int rgb, double cx, double cy, double r) {
        fill(rgb, circle(cx, cy, r));
    }

    Ellipse2D circle(double cx, double cy, double r) {
        return new Ellipse2D.Double(px(cx) - len(r), py(cy) - len(r), 2 * len(r), 2 * len(r));
    }

    /** A polygon from fractional coordinates x0, y0, x1, y1, ... */
    Path2D poly(double... xy) {
        double[] p = new double[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            p[i] = px(xy[i]);
            p[i + 1] = py(xy[i + 1]);
        }
        return Geometry.polygon(p);
    }

    void star(int rgb, double cx, double cy, double r, int points, double rotDeg, double inner) {
        fill(rgb, Geometry.star(px(cx), py(cy), len(r), points, rotDeg, inner));
    }

    /** A crescent: the disc (cx, cy, r) minus the disc offset by (dx, dy) with radius r2. */
    void crescent(int rgb, double cx, double cy, double r, double r2, double dx, double dy) {
        Area a = new Area(circle(cx, cy, r));
        a.subtract(new Area(new Ellipse2D.Double(
                px(cx) + len(dx) - len(r2), py(cy) + len(dy) - len(r2), 2 * len(r2), 2 * len(r2))));
        fill(rgb, a);
    }

    /** A bar of thickness t between two points given in fractions (t in fractions of the height). */
    void bar(int rgb, double x1, double y1, double x2, double y2, double t) {
        fill(rgb, Geometry.bar(px(x1), py(y1), px(x2), py(y2), len(t), 0));
    }

    /** Like {@link #bar} but extended far past both ends, for bands that cross the whole flag. */
    void band(int rgb, double x1, double y1, double x2, double y2, double t) {
        fill(rgb, Geometry.bar(px(x1), py(y1), px(x2), py(y2), len(t), w + h));
    }
}
