package flags.sample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Chooses the GIF palette of a flag (its most frequent flat colours, each in every {@link Cloth} shade) and indexes
 * the pixels to it, so ImageIO only writes the bytes and never quantises colours its own way.
 */
final class GifPalette {
    private GifPalette() {}

    /** The GIF of the flat colours {@code rgb}, each pixel shaded by its {@link Cloth} level in {@code shade}. */
    static byte[] gif(int[] rgb, byte[] shade, int w, int h) {
        Map<Integer, Integer> counts = counts(rgb);
        int[] flat = palette(counts, 256 / Cloth.LEVELS);
        Map<Integer, Integer> index = new HashMap<>();
        for (int c : counts.keySet()) {
            index.put(c, nearest(flat, c));
        }
        int size = Integer.highestOneBit(Math.max(2, flat.length * Cloth.LEVELS) - 1) << 1;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < flat.length * Cloth.LEVELS; i++) {
            int c = Cloth.shade(flat[i / Cloth.LEVELS], i % Cloth.LEVELS);
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        BufferedImage img =
                new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, size, r, g, b));
        byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int flatIndex = 0;
        for (int i = 0; i < rgb.length; i++) {
            // Neighbours usually share a colour: reuse the last look-up instead of boxing every pixel.
            if (i == 0 || rgb[i] != rgb[i - 1]) {
                flatIndex = index.get(rgb[i]);
            }
            pixels[i] = (byte) (flatIndex * Cloth.LEVELS + shade[i]);
        }
        return write(img);
    }

    /** The most frequent colours (ties by value): flat areas stay exact, rare edge blends snap to the nearest. */
    private static int[] palette(Map<Integer, Integer> counts, int max) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .mapToInt(Map.Entry::getKey)
                .toArray();
    }

    private static Map<Integer, Integer> counts(int[] rgb) {
        Map<Integer, Integer> counts = new HashMap<>();
        int run = 0;
        for (int i = 0; i < rgb.length; i++) {
            run++;
            if (i + 1 == rgb.length || rgb[i + 1] != rgb[i]) {
                counts.merge(rgb[i], run, Integer::sum);
                run = 0;
            }
        }
        return counts;
    }

    private static int nearest(int[] palette, int c) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((palette[i] >> 16) & 0xFF) - ((c >> 16) & 0xFF);
            int dg = ((palette[i] >> 8) & 0xFF) - ((c >> 8) & 0xFF);
            int db = (palette[i] & 0xFF) - (c & 0xFF);
            long d = (long) dr * dr + (long) dg * dg + (long) db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private static byte[] write(BufferedImage img) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
