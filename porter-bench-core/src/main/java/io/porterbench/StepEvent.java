package io.porterbench;

import java.lang.invoke.VarHandle;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JFR event {@code porterbench.Step}: one recorded step, on the thread that recorded
 * it, from the step's start to its end.
 */
@Name(StepEvent.NAME)
@Label("Step")
@Category("porter-bench")
@Description("A step of a porter-bench benchmarker: the time from the previous step of the iteration (or its start) "
		+ "to the call that ended it")
// a stack trace per step would cost more than the step itself; the thread and time place
// it on the timeline
@StackTrace(false)
final class StepEvent extends Event {

	static final String NAME = "porterbench.Step";

	static final VarHandle START_TIME = JfrTiming.startTimeOf(StepEvent.class);

	static final VarHandle DURATION = JfrTiming.durationOf(StepEvent.class);

	@Label("Benchmarker")
	@Description("The benchmarker's name")
	String bench;

	@Label("Step")
	@Description("The step's topic")
	String step;

	@Label("Iteration")
	@Description("The iteration's index within its benchmarker, from 0, in the order iterations opened")
	long iteration;

}
