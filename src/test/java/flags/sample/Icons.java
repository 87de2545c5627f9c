package flags.sample;

import java.util.Map;

/** Simple silhouettes standing in for emblems (eagles, crowns, leaves...), in a box from -1 to 1, y down. */
final class Icons {
    private Icons() {}

    private static final Map<String, double[]> ICONS = Map.of(
            "bird",
                    mirrored(
                            0, -0.55, 0.14, -0.45, 0.1, -0.28, 0.35, -0.55, 0.72, -0.9, 1, -0.62, 0.84, -0.38, 0.95,
                            -0.14, 0.6, 0.02, 0.34, 0.06, 0.24, 0.38, 0.38, 0.85, 0, 0.68),
            "crown", polygon(-0.8, 0.6, 0.8, 0.6, 0.95, -0.5, 0.45, 0.05, 0, -0.8, -0.45, 0.05, -0.95, -0.5),
            "leaf",
                    mirrored(
                            0, -1, 0.14, -0.72, 0.3, -0.8, 0.24, -0.34, 0.52, -0.58, 0.58, -0.46, 0.88, -0.52, 0.76,
                            -0.28, 0.92, -0.2, 0.52, 0.14, 0.58, 0.3, 0.06, 0.24, 0.05, 0.8),
            "tree", mirrored(0, -1, 0.35, -0.55, 0.2, -0.55, 0.6, -0.1, 0.35, -0.1, 0.85, 0.45, 0.1, 0.45, 0.1, 0.8),
            "shield", mirrored(0, -0.9, 0.7, -0.9, 0.7, 0.2, 0.45, 0.65, 0, 0.9),
            "temple",
                    mirrored(
                            0, -0.9, 0.15, -0.3, 0.3, -0.3, 0.35, 0.2, 0.54, 0.2, 0.62, -0.35, 0.7, 0.2, 0.85, 0.2,
                            0.85, 0.55, 1, 0.55, 1, 0.8),
            "hat", mirrored(0, -0.9, 0.1, -0.7, 0.12, -0.4, 0.6, 0.3, 0.9, 0.5),
            "script",
                    polygon(
                            -1, 0.2, -0.8, -0.6, -0.7, 0.05, -0.3, 0.05, -0.25, -0.5, -0.15, 0.05, 0.3, 0.05, 0.4, -0.7,
                            0.5, 0.05, 0.9, 0.05, 1, -0.4, 1, 0.2));

    static double[] get(String name) {
        double[] xy = ICONS.get(name);
        if (xy == null) {
            throw new IllegalArgumentException("no icon " + name);
        }
        return xy;
    }

    private static double[] polygon(double... xy) {
        return xy;
    }

    /** Right half listed top to bottom; the left half is its mirror image, so symmetric emblems stay symmetric. */
    private static double[] mirrored(double... half) {
        int n = half.length / 2;
        double[] xy = new double[half.length * 2];
        System.arraycopy(half, 0, xy, 0, half.length);
        for (int i = 0; i < n; i++) {
            int src = (n - 1 - i) * 2;
            xy[half.length + 2 * i] = -half[src];
            xy[half.length + 2 * i + 1] = half[src + 1];
        }
        return xy;
    }
}
