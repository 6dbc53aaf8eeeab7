package io.porterbench.summary;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Statistics of one step over every iteration, in constant space: count, sum, min and max
 * exactly, mean and variance by Welford's method, and percentiles from an HdrHistogram
 * with two significant digits (1% precision).
 *
 * <p>
 * Not thread-safe: the owner guards it.
 */
public final class StepAccumulator {

	private static final int SIGNIFICANT_DIGITS = 2;

	private final Histogram histogram;

	private long count;

	private long totalNanos;

	private long minNanos = Long.MAX_VALUE;

	private long maxNanos = Long.MIN_VALUE;

	private double mean;

	private double m2;

	/** An empty accumulator. */
	public StepAccumulator() {
		this.histogram = new Histogram(SIGNIFICANT_DIGITS);
	}

	private StepAccumulator(StepAccumulator source) {
		this.histogram = source.histogram.copy();
		this.count = source.count;
		this.totalNanos = source.totalNanos;
		this.minNanos = source.minNanos;
		this.maxNanos = source.maxNanos;
		this.mean = source.mean;
		this.m2 = source.m2;
	}

	/**
	 * Adds one iteration's value.
	 * @param nanos the step's total in the iteration, nanoseconds, not negative
	 */
	public void add(long nanos) {
		long value = Math.max(nanos, 0);
		this.count++;
		this.totalNanos += value;
		this.minNanos = Math.min(this.minNanos, value);
		this.maxNanos = Math.max(this.maxNanos, value);
		double delta = value - this.mean;
		this.mean += delta / this.count;
		this.m2 += delta * (value - this.mean);
		this.histogram.recordValue(value);
	}

	/**
	 * Adds every value another accumulator has seen, as if they had been added here (the
	 * mean and variance by the pairwise formula of Chan et al.).
	 * @param other the accumulator to add; not changed
	 */
	public void addAll(StepAccumulator other) {
		if (other.count == 0) {
			return;
		}
		if (this.count == 0) {
			this.mean = other.mean;
			this.m2 = other.m2;
		}
		else {
			long total = this.count + other.count;
			double delta = other.mean - this.mean;
			this.mean += delta * other.count / total;
			this.m2 += other.m2 + delta * delta * ((double) this.count * other.count / total);
		}
		this.count += other.count;
		this.totalNanos += other.totalNanos;
		this.minNanos = Math.min(this.minNanos, other.minNanos);
		this.maxNanos = Math.max(this.maxNanos, other.maxNanos);
		this.histogram.add(other.histogram);
	}

	/**
	 * The number of values added.
	 * @return the count
	 */
	public long count() {
		return this.count;
	}

	/**
	 * An independent copy, to add values to without changing this one.
	 * @return the copy
	 */
	public StepAccumulator copy() {
		return new StepAccumulator(this);
	}

	/**
	 * The statistics, in seconds.
	 * @return the snapshot
	 */
	public StepStats snapshot() {
		if (this.count == 0) {
			return StepStats.empty();
		}
		return new StepStats(this.count, this.totalNanos / 1e9, this.mean / 1e9, this.minNanos / 1e9,
				this.maxNanos / 1e9, quantileFiltered() / 1e9, Math.sqrt(this.m2 / this.count) / 1e9, percentile(50),
				percentile(90), percentile(99));
	}

	private double percentile(double percent) {
		long value = this.histogram.getValueAtPercentile(percent);
		return Math.min(Math.max(value, this.minNanos), this.maxNanos) / 1e9;
	}

	private double quantileFiltered() {
		double q25 = this.histogram.getValueAtPercentile(25);
		double q75 = this.histogram.getValueAtPercentile(75);
		double iqr = q75 - q25;
		double lower = Math.max(q25 - 1.5 * iqr, 0);
		double upper = q75 + 1.5 * iqr;
		double sum = 0;
		long kept = 0;
		for (HistogramIterationValue bucket : this.histogram.recordedValues()) {
			double value = this.histogram.medianEquivalentValue(bucket.getValueIteratedTo());
			if (value >= lower && value <= upper) {
				sum += value * bucket.getCountAtValueIteratedTo();
				kept += bucket.getCountAtValueIteratedTo();
			}
		}
		return (kept > 0) ? sum / kept : this.mean;
	}

}
