package flags.sample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Shrinks a supersampled drawing by box averaging and writes it as a GIF with a palette chosen here, not by ImageIO. */
final class GifEncoder {
    private GifEncoder() {
    }

    /** Averages each factor x factor block: integer arithmetic, so the smoothing is identical on every JDK. */
    static int[] downsample(BufferedImage big, int factor) {
        int[] src = ((DataBufferInt) big.getRaster().getDataBuffer()).getData();
        int bigW = big.getWidth();
        int w = bigW / factor;
        int h = big.getHeight() / factor;
        int n = factor * factor;
        int[] out = new int[w * h];
        int[] sums = new int[w * 3];
        for (int y = 0; y < h; y++) {
            Arrays.fill(sums, 0);
            for (int sy = 0; sy < factor; sy++) {
                int i = (y * factor + sy) * bigW;
                for (int x = 0; x < 3 * w; x += 3) {
                    for (int sx = 0; sx < factor; sx++, i++) {
                        int p = src[i];
                        sums[x] += (p >> 16) & 0xFF;
                        sums[x + 1] += (p >> 8) & 0xFF;
                        sums[x + 2] += p & 0xFF;
                    }
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (sums[3 * x] + n / 2) / n << 16 | (sums[3 * x + 1] + n / 2) / n << 8
                        | (sums[3 * x + 2] + n / 2) / n;
            }
        }
        return out;
    }

    /** Writes the flat colours, each shaded by its pixel's {@link Cloth} level, as an indexed GIF. */
    static byte[] encode(int[] rgb, byte[] shade, int w, int h) {
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
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, size, r, g, b));
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
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed()
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
