package flags.bench;

/**
 * How many times each strategy runs: {@code warmup} unrecorded runs, then {@code runs} recorded ones, both
 * round-robin across strategies (for each run index, each strategy once), so a slow drift of the machine
 * (another program, thermal throttling) spreads over every strategy instead of penalising the last one.
 */
public record BenchPlan(int warmup, int runs) {
    public BenchPlan {
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up runs must be 0 or more, got " + warmup);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("recorded runs must be 1 or more, got " + runs);
        }
    }
}
