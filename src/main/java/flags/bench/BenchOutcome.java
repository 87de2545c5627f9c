package flags.bench;

import flags.picture.Timeline;
import flags.report.BatchReport;
import flags.report.Terminal;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark ended with: the recorded runs at each {@code -m} (all of them, or those before Ctrl-C), and how
 * they read: the table or data on stdout, the warnings and the Summary, the exports and the pictures.
 */
public final class BenchOutcome {
    private final Map<Integer, List<RecordedRuns>> done;
    private final boolean scan;
    private final boolean interrupted;
    /** The statistics at each {@code -m} that has a recorded run: one point, unless it was a scan. */
    private final ScanResult compared;

    /**
     * {@code done}: the recorded runs per {@code -m}, in the order run; {@code scan}: whether it was a scan
     * ({@code --scan-m}: a table per {@code -m}, no Summary); {@code interrupted}: whether Ctrl-C ended it.
     */
    BenchOutcome(
            Workload workload,
            BenchPlan plan,
            Map<Integer, List<RecordedRuns>> done,
            boolean scan,
            boolean interrupted) {
        this.done = Collections.unmodifiableMap(new LinkedHashMap<>(done));
        this.scan = scan;
        this.interrupted = interrupted;
        List<ScanResult.Point> points = new ArrayList<>();
        this.done.forEach((m, runs) -> {
            Comparison r = BenchStats.compute(workload, runs);
            if (!r.strategies().isEmpty()) {
                points.add(new ScanResult.Point(m, r));
            }
        });
        this.compared = new ScanResult(workload, plan, points);
    }

    /** Whether Ctrl-C ended it: the exit status says so. */
    public boolean interrupted() {
        return interrupted;
    }

    /** Whether no run was recorded at all (Ctrl-C during the warm-up). */
    boolean nothingRecorded() {
        return compared.points().isEmpty();
    }

    /** Whether a recorded run failed: the exit status says so. */
    public boolean anyFailed() {
        return compared.points().stream()
                .flatMap(p -> p.result().strategies().stream())
                .anyMatch(s -> s.failedRuns() > 0);
    }

    /** The results as {@code format} gives them, for a file: every column, whatever the terminal. */
    String render(BenchFormat format) {
        return render(format, Integer.MAX_VALUE);
    }

    private String render(BenchFormat format, int width) {
        return scan ? ScanFormat.render(format, scanResult(), width) : format.render(single(), width);
    }

    /** The median run of each strategy, for {@code --timeline}. */
    List<BatchReport> medianRuns() {
        return single().strategies().stream().map(StrategyStats::medianRun).toList();
    }

    /** The statistics at each {@code -m}, for {@code --plot}. */
    ScanResult scanResult() {
        return compared;
    }

    private Comparison single() {
        return compared.points().get(0).result();
    }

    /**
     * Prints the results in {@code format} on stdout, the warnings and the interruption on stderr, each laid out for
     * its terminal (whole, one row per line, for a pipe or a file), then writes the {@code files} asked for through
     * {@code writer}. Returns false when a file could not be written.
     */
    public boolean report(
            BenchFormat format,
            BenchFiles files,
            PrintWriter out,
            PrintWriter err,
            String command,
            BenchFiles.Writer writer) {
        int width = Terminal.stdoutIsTerminal() ? new Terminal.Width().columns() : Integer.MAX_VALUE;
        int errWidth = Terminal.stderrIsTerminal() ? new Terminal.Width().columns() : Integer.MAX_VALUE;
        print(format, out, width, err, errWidth, command);
        return nothingRecorded() || write(files, writer);
    }

    /** Writes each file asked for: the exports, then the pictures; false when one could not be written. */
    private boolean write(BenchFiles files, BenchFiles.Writer writer) {
        boolean written = true;
        for (BenchFormat format : List.of(BenchFormat.json, BenchFormat.csv, BenchFormat.markdown)) {
            Path file = files.export(format);
            if (file != null) {
                String text = render(format);
                written &= writer.write("--export-" + format.name(), file, () -> Files.writeString(file, text));
            }
        }
        if (files.timeline() != null) {
            written &=
                    writer.write("--timeline", files.timeline(), () -> Timeline.write(medianRuns(), files.timeline()));
        }
        if (files.plot() != null) {
            written &= writer.write("--plot", files.plot(), () -> ScanPlot.write(scanResult(), files.plot()));
        }
        return written;
    }

    /**
     * Prints the results in {@code format} to {@code out} laid out for {@code width} columns, the warnings to
     * {@code err} wrapped on words for {@code errWidth}, and the Summary (after the table, or on {@code err} when
     * stdout carries data). {@code command} names the command in the line that says it was interrupted.
     */
    void print(BenchFormat format, PrintWriter out, int width, PrintWriter err, int errWidth, String command) {
        if (interrupted) {
            err.println(command + ": interrupted; "
                    + (nothingRecorded() ? "no run was recorded" : "the runs recorded so far:"));
        }
        if (nothingRecorded()) {
            err.flush();
            return;
        }
        out.print(render(format, width));
        out.flush();
        done.keySet().forEach(m -> {
            for (String warning : BenchNotes.warnings(done.get(m))) {
                err.println(AlignedTable.wrap("Warning: " + (scan ? "m=" + m + ": " : "") + warning, errWidth, "  "));
            }
        });
        err.flush();
        List<String> summary = scan ? List.of() : BenchNotes.summary(single());
        if (!summary.isEmpty()) {
            PrintWriter to = format == BenchFormat.table ? out : err;
            if (format == BenchFormat.table) {
                to.println();
            }
            summary.forEach(line ->
                    to.println(AlignedTable.wrap(line, format == BenchFormat.table ? width : errWidth, "    ")));
            to.flush();
        }
    }
}
