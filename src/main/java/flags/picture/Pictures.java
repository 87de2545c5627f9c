package flags.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * What the pictures of this package share: each is painted once with Java2D, into JFreeSVG's {@link SVGGraphics2D}
 * or into a {@link BufferedImage} written as PNG, chosen by the file's extension; SVG groups with ids and classes
 * give the SVG a structure that tools and tests can read. Same input, same bytes.
 */
final class Pictures {
    private static final String SVG_PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private Pictures() {}

    /** Paints a picture of a known size on any Graphics2D. */
    @FunctionalInterface
    interface Painter {
        void paint(Graphics2D g);
    }

    /** The file formats, chosen by extension. */
    enum Format {
        SVG,
        PNG;

        static Format of(Path file) {
            Path name = file.getFileName();
            String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".svg")) {
                return SVG;
            }
            if (lower.endsWith(".png")) {
                return PNG;
            }
            throw new IllegalArgumentException("picture file must end in .svg or .png: " + file);
        }
    }

    /** Writes the picture to {@code file} as SVG or PNG by its extension; nothing is written if painting fails. */
    static void write(Path file, int width, int height, String idPrefix, Painter painter) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = switch (Format.of(file)) {
            case SVG -> svg(width, height, idPrefix, painter).getBytes(StandardCharsets.UTF_8);
            case PNG -> png(width, height, painter);
        };
        Files.write(file, bytes);
    }

    /** A standalone SVG document (UTF-8, no DOCTYPE, scalable through its viewBox). */
    static String svg(int width, int height, String idPrefix, Painter painter) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix); // the default prefix comes from the clock
        painter.paint(g);
        return SVG_PROLOG + g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null) + "\n";
    }

    static BufferedImage image(int width, int height, Painter painter) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            painter.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] png(int width, int height, Painter painter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Cached in memory: ImageIO's default file cache would leave a file in the temporary directory, and it
        // registers a shutdown hook, which throws once Ctrl-C has begun the shutdown the picture is drawn in.
        try (ImageOutputStream image = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image(width, height, painter), "png", image)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode PNG", e); // in memory: not expected
        }
        return out.toByteArray();
    }

    /** Antialiased shapes and text, 1 px strokes, and the background filled. */
    static void prepare(Graphics2D g, int width, int height, Color background) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setStroke(new BasicStroke(1f));
        g.setColor(background);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
    }

    /** Centre of a pixel, so 1 px lines are sharp in the PNG. */
    static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }

    /** Letters, digits, '-' and '_' only, so the value is a valid XML id fragment. */
    static String slug(String s) {
        if (s == null || s.isEmpty()) {
            return "_";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_') ? c : '_');
        }
        return out.toString();
    }

    static Map<String, String> attributes(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>(); // attribute order must not vary between runs
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** SVG structure only: a no-op for the PNG, whose Graphics2D has no groups. */
    static void beginGroup(Graphics2D g, Map<String, String> attributes) {
        if (g instanceof SVGGraphics2D) {
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, attributes);
        }
    }

    static void endGroup(Graphics2D g) {
        if (g instanceof SVGGraphics2D) {
            g.setRenderingHint(SVGHints.KEY_END_GROUP, "end");
        }
    }
}
