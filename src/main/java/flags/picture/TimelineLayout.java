package flags.picture;

import static flags.picture.Pictures.slug;

import flags.Seconds;
import flags.download.DownloadResult;
import flags.download.Status;
import flags.report.BatchReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where everything of a {@link Timeline} goes: the lanes stacked under a header, each a title, one row per request
 * in start order, and the time axis every lane shares; worked out once, before any painting.
 */
final class TimelineLayout {
    static final int MARGIN = 24;
    static final int PLOT_LEFT = MARGIN;
    static final int PLOT_RIGHT = Timeline.WIDTH - MARGIN;
    /** Space between a row's edge and the first or last bar. */
    static final int PAD = 4;

    private static final int HEADER_H = 30;
    private static final int TITLE_H = 24;
    private static final int EMPTY_H = 28;
    private static final int AXIS_H = 30;
    private static final int LANE_GAP = 14;
    /** Tallest row, for few requests; rows shrink so a lane's rows stay within {@link #ROWS_H}, down to 1 px. */
    private static final int MAX_ROW = 16;

    private static final int ROWS_H = 640;

    /** One lane laid out: its batch, SVG id, requests in row order, row pitch in pixels and plot box. */
    record Lane(
            BatchReport report, String id, List<DownloadResult> rows, int pitch, int top, int plotTop, int plotHeight) {

        int height() {
            return TITLE_H + plotHeight + AXIS_H;
        }
    }

    private final List<Lane> lanes = new ArrayList<>();
    private final TimeAxis axis;
    private final boolean anyInterrupted;
    private final int height;

    TimelineLayout(List<BatchReport> reports) {
        Objects.requireNonNull(reports, "lanes");
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs at least one batch");
        }
        Set<String> ids = new HashSet<>();
        double end = 0;
        boolean interrupted = false;
        int top = HEADER_H;
        for (BatchReport report : reports) {
            end = Math.max(end, seconds(report.elapsed()));
            List<DownloadResult> rows = new ArrayList<>(report.results().stream()
                    .filter(r -> r.started() != null)
                    .toList()); // a code that never started has no bar
            for (DownloadResult r : rows) {
                end = Math.max(end, seconds(r.ended()));
                interrupted |= interrupted(r);
            }
            rows.sort(Comparator.comparingDouble((DownloadResult r) -> seconds(r.started()))
                    .thenComparingDouble(r -> seconds(r.ended()))
                    .thenComparing(r -> String.valueOf(r.cc())));
            int pitch = rows.isEmpty() ? 0 : Math.max(1, Math.min(MAX_ROW, ROWS_H / rows.size()));
            int plotHeight = rows.isEmpty() ? EMPTY_H : 2 * PAD + rows.size() * pitch;
            Lane lane = new Lane(
                    report,
                    uniqueId(ids, "lane-" + slug(report.strategy())),
                    List.copyOf(rows),
                    pitch,
                    top,
                    top + TITLE_H,
                    plotHeight);
            lanes.add(lane);
            top += lane.height() + LANE_GAP;
        }
        this.axis = TimeAxis.covering(end);
        this.anyInterrupted = interrupted;
        this.height = top - LANE_GAP + MARGIN / 2;
    }

    List<Lane> lanes() {
        return lanes;
    }

    TimeAxis axis() {
        return axis;
    }

    /** Whether a request was cut short, so the legend names the grey of interrupted bars. */
    boolean anyInterrupted() {
        return anyInterrupted;
    }

    /** The picture's height in pixels: the lanes one under another, and a margin. */
    int height() {
        return height;
    }

    /** Pixel column of time {@code t} seconds. */
    double x(double t) {
        return PLOT_LEFT + t / axis.end() * (PLOT_RIGHT - PLOT_LEFT);
    }

    /** An id not yet in {@code ids}, which then holds it: {@code base}, else {@code base-2}, {@code base-3}... */
    static String uniqueId(Set<String> ids, String base) {
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static boolean interrupted(DownloadResult r) {
        return r.status() == Status.NOT_DONE;
    }

    static double seconds(Duration d) {
        return Seconds.of(d);
    }
}
