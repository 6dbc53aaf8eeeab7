package io.porterbench.record;

import java.util.List;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * One iteration of a saved DATA file.
 *
 * @param stepNumber the iteration's number ({@code STEP_NUMBER})
 * @param startTime epoch seconds, or {@code NaN} when the file has none (the original
 * writes {@code []})
 * @param stopTime epoch seconds, or 0 for an iteration that was still open
 * @param absolutes per topic, the sum of its calls in seconds, in file order
 * @param calls per topic, its calls, in file order
 * @param host the host of the process that recorded it ({@code HOST} in {@code info}), or
 * {@code null} when the file does not say (the Python original's files never do)
 * @param pid that process's id ({@code PID} in {@code info}), or {@code null} when the
 * file does not say
 * @param extra the iteration's own {@code extra} (a merged run names each iteration's
 * source there), or {@code null}
 */
public record SavedIteration(long stepNumber, double startTime, double stopTime, Map<String, Double> absolutes,
		Map<String, List<SavedCall>> calls, String host, Long pid, Object extra) {

	/**
	 * An iteration whose file names no process and has no iteration {@code extra}.
	 * @param stepNumber the iteration's number
	 * @param startTime epoch seconds, or {@code NaN}
	 * @param stopTime epoch seconds, or 0 for an open iteration
	 * @param absolutes per topic, the sum of its calls in seconds
	 * @param calls per topic, its calls
	 */
	public SavedIteration(long stepNumber, double startTime, double stopTime, Map<String, Double> absolutes,
			Map<String, List<SavedCall>> calls) {
		this(stepNumber, startTime, stopTime, absolutes, calls, null, null, null);
	}

	/**
	 * Whether the iteration was still open when it was saved.
	 * @return true when {@code STOP_TIME} is 0
	 */
	public boolean isOpen() {
		return this.stopTime == 0;
	}

	/**
	 * Gives each call of {@link #calls()} to a visitor, topic by topic in file order. For
	 * an iteration loaded from a run folder (with up to 16 topics, none repeated, as
	 * porter-bench writes them) this reads the loaded arrays: unlike
	 * {@code calls().forEach}, it builds no list and no {@link SavedCall} per call, which
	 * is what a pass over a run of 100,000 iterations wants. Other iterations are read
	 * through their maps.
	 * @param visitor what receives the calls
	 */
	public void forEachCall(CallVisitor visitor) {
		CompactIterations.forEachCall(this.calls, visitor);
	}

	/**
	 * Whether any call of {@link #calls()} has an extra. For an iteration whose calls
	 * {@link #forEachCall} reads from arrays this is known without a look at the calls,
	 * so that a reader looking for extras can pass over the many iterations that have
	 * none.
	 * @return true when some call's {@link SavedCall#extra()} is not {@code null}
	 */
	public boolean hasCallExtras() {
		return CompactIterations.hasCallExtras(this.calls);
	}

	/**
	 * Gives each member of {@link #absolutes()} to an action, in file order, without
	 * boxing the seconds of an iteration loaded from a run folder (with the limits of
	 * {@link #forEachCall}). A {@code null} value of a map given to the constructor is
	 * given as {@code NaN}.
	 * @param action what receives each topic and its seconds
	 */
	public void forEachAbsolute(ObjDoubleConsumer<String> action) {
		CompactIterations.forEachAbsolute(this.absolutes, action);
	}

	/**
	 * Receives the calls of an iteration one at a time, as {@link #forEachCall} gives
	 * them.
	 */
	@FunctionalInterface
	public interface CallVisitor {

		/**
		 * One call.
		 * @param topic its step's topic
		 * @param seconds its duration in seconds, as {@link SavedCall#time()}
		 * @param cronoCounter its position among the iteration's calls, as
		 * {@link SavedCall#cronoCounter()}
		 * @param extra its extra, as {@link SavedCall#extra()}, or {@code null}
		 */
		void call(String topic, double seconds, int cronoCounter, Object extra);

	}

}
