/**
 * Open this package first: one batch of flags downloaded by interchangeable {@link flags.download.Strategy}s
 * (seq, threads, threads --virtual, async, nio, listed in {@link flags.download.StrategyTable}), each deciding only
 * when to call {@link flags.download.FlagClient}, which does the work of one code and never throws.
 */
package flags.download;
