package flags.sample;

/**
 * Gentle folds of shade over the flat flag, in a few fixed steps: the flags look less clinical and the GIFs get
 * realistic sizes. The shade is applied per palette entry, so each flat colour gets LEVELS shaded variants.
 */
final class Cloth {
    static final int LEVELS = 6;
    /** Darkest fold, in thousandths of full brightness. */
    private static final int DEPTH = 80;

    private Cloth() {}

    /** The shade step (0 = unshaded) of every pixel: folds running slightly aslant across the flag. */
    static byte[] levels(int w, int h) {
        // sin(a(x) + b(y)) expanded, so only w + h sines are computed.
        double[] sinX = new double[w];
        double[] cosX = new double[w];
        for (int x = 0; x < w; x++) {
            sinX[x] = StrictMath.sin(2 * StrictMath.PI * 1.3 * x / w);
            cosX[x] = StrictMath.cos(2 * StrictMath.PI * 1.3 * x / w);
        }
        byte[] levels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            double sinY = StrictMath.sin(2 * StrictMath.PI * 0.35 * y / h);
            double cosY = StrictMath.cos(2 * StrictMath.PI * 0.35 * y / h);
            for (int x = 0; x < w; x++) {
                double wave = sinX[x] * cosY + cosX[x] * sinY;
                levels[y * w + x] = (byte) ((wave + 1) / 2 * (LEVELS - 1) + 0.5);
            }
        }
        return levels;
    }

    static int shade(int rgb, int level) {
        int f = 1000 - DEPTH * level / (LEVELS - 1);
        return scale(rgb >> 16, f) << 16 | scale(rgb >> 8, f) << 8 | scale(rgb, f);
    }

    private static int scale(int channel, int f) {
        return ((channel & 0xFF) * f + 500) / 1000;
    }
}
