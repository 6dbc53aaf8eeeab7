package io.porterbench.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.porterbench.BenchSummary;
import io.porterbench.Benchmarker;
import io.porterbench.jfr.JfrImport;
import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedIteration;

/**
 * How many of a benchmarker's slowest iterations overlapped a GC pause, for a run
 * imported from a JFR recording whose iterations carry {@code gc_pause_seconds} in their
 * gstop call's {@code extra}.
 *
 * @param iterations the closed iterations with a GC pause figure
 * @param withPause those of them that overlapped a pause
 * @param slowest the slowest 10% of them by {@code GLOBAL} time (at least one)
 * @param slowestWithPause those of the slowest that overlapped a pause
 */
public record GcPauseOverlap(int iterations, int withPause, int slowest, int slowestWithPause) {

	private static final double SLOWEST_FRACTION = 0.1;

	/**
	 * The overlap of a benchmarker's iterations with GC pauses.
	 * @param bench the benchmarker
	 * @return the figures, or empty when no iteration has a GC pause figure (a run not
	 * imported from a recording, or one recorded without GC events)
	 */
	public static Optional<GcPauseOverlap> of(BenchRecord bench) {
		List<double[]> timed = new ArrayList<>();
		PauseFinder finder = new PauseFinder();
		for (SavedIteration iteration : bench.iterations()) {
			// the pause first: most runs have none, and then the GLOBAL time is not
			// needed
			double pause = finder.find(iteration);
			Double global = Double.isNaN(pause) ? null : iteration.absolutes().get(BenchSummary.GLOBAL);
			if (global != null) {
				timed.add(new double[] { global, pause });
			}
		}
		if (timed.isEmpty()) {
			return Optional.empty();
		}
		timed.sort(Comparator.comparingDouble((double[] iteration) -> iteration[0]).reversed());
		int slowest = Math.max(1, (int) Math.ceil(timed.size() * SLOWEST_FRACTION));
		int withPause = 0;
		int slowestWithPause = 0;
		for (int i = 0; i < timed.size(); i++) {
			if (timed.get(i)[1] > 0) {
				withPause++;
				if (i < slowest) {
					slowestWithPause++;
				}
			}
		}
		return Optional.of(new GcPauseOverlap(timed.size(), withPause, slowest, slowestWithPause));
	}

	/** The GC pause figure of an iteration's first gstop call that has one. */
	private static final class PauseFinder implements SavedIteration.CallVisitor {

		private double seconds;

		private boolean found;

		double find(SavedIteration iteration) {
			this.seconds = Double.NaN;
			this.found = false;
			if (!iteration.hasCallExtras()) {
				// every iteration of a run not imported from a recording
				return this.seconds;
			}
			// the loaded arrays, read in place: no list or record per iteration
			iteration.forEachCall(this);
			return this.seconds;
		}

		@Override
		public void call(String topic, double time, int cronoCounter, Object extra) {
			if (!this.found && extra instanceof Map<?, ?> map && Benchmarker.GSTOP.equals(topic)
					&& map.get(JfrImport.GC_PAUSE_SECONDS) instanceof Number pause) {
				this.seconds = pause.doubleValue();
				this.found = true;
			}
		}

	}

	/**
	 * The figures in one sentence.
	 * @return for example "2 of the 3 slowest iterations (10%) overlapped a GC pause; 4
	 * of 30 in all"
	 */
	public String sentence() {
		return this.slowestWithPause + " of the " + this.slowest + " slowest iterations (10%) overlapped a GC pause; "
				+ this.withPause + " of " + this.iterations + " in all";
	}

}
