package io.porterbench;

import java.lang.invoke.VarHandle;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JFR event {@code porterbench.Iteration}: one closed iteration, from its
 * {@code gstep} to its {@code gstop} (its {@code GLOBAL} time), on the thread that ran
 * it.
 */
@Name(IterationEvent.NAME)
@Label("Iteration")
@Category("porter-bench")
@Description("An iteration of a porter-bench benchmarker, from gstep to gstop (its GLOBAL time)")
@StackTrace(false)
final class IterationEvent extends Event {

	static final String NAME = "porterbench.Iteration";

	static final VarHandle START_TIME = JfrTiming.startTimeOf(IterationEvent.class);

	static final VarHandle DURATION = JfrTiming.durationOf(IterationEvent.class);

	@Label("Benchmarker")
	@Description("The benchmarker's name")
	String bench;

	@Label("Iteration")
	@Description("The iteration's index within its benchmarker, from 0, in the order iterations opened")
	long iteration;

	@Label("Steps")
	@Description("The number of calls recorded in the iteration, gstop included")
	int steps;

}
