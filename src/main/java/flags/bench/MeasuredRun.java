package flags.bench;

import flags.report.BatchReport;

/** One run of a strategy: the batch as reported, and what it cost the client side (null when not measured). */
public record MeasuredRun(BatchReport report, ClientCost cost) {}
