package io.porterbench.boot.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.porterbench.BenchSummary;
import io.porterbench.Benchmarker;
import io.porterbench.StepListener;
import io.porterbench.boot.autoconfigure.StepMeterType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The meters of one benchmarker in one registry, fed by its {@link StepListener}
 * callbacks. Step meters are created once per topic and cached, so a recorded step costs
 * one map lookup and the meter's own work.
 */
final class BenchMeters implements StepListener {

	private static final Log logger = LogFactory.getLog(BenchMeters.class);

	private final MeterRegistry registry;

	private final Tags tags;

	private final Timer iterationTimer;

	private final StepMeterType stepMeterType;

	private final Map<String, StepMeter> stepMeters = new ConcurrentHashMap<>();

	private final AtomicBoolean failureLogged = new AtomicBoolean();

	private volatile boolean memoryChecked;

	private BenchMeters(Benchmarker bench, MeterRegistry registry, StepMeterType stepMeterType) {
		this.registry = registry;
		this.stepMeterType = stepMeterType;
		this.tags = Tags.of(BenchMetricNames.TAG_BENCH, bench.name());
		this.iterationTimer = Timer.builder(BenchMetricNames.ITERATION)
			.description("Duration of porter-bench iterations (their GLOBAL time)")
			.tags(this.tags)
			.register(registry);
		Gauge.builder(BenchMetricNames.ITERATION_ACTIVE, bench, Benchmarker::openIterations)
			.description("Iterations open now, over all threads")
			.tags(this.tags)
			.register(registry);
		bindMemoryIfTracked(bench);
	}

	/**
	 * Registers the meters of a benchmarker and starts feeding them. A failure is logged,
	 * never thrown: the benchmarker may be created inside the application's own call.
	 * @param bench the benchmarker
	 * @param registry the registry
	 * @param stepMeterType the kind of meter the steps are published as
	 */
	static void bind(Benchmarker bench, MeterRegistry registry, StepMeterType stepMeterType) {
		try {
			bench.addStepListener(new BenchMeters(bench, registry, stepMeterType));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not publish the meters of porter-bench benchmarker '" + bench.name() + "'", ex);
		}
	}

	@Override
	public void onStep(Benchmarker bench, String topic, long nanos) {
		if (BenchSummary.GLOBAL.equals(topic)) {
			return;
		}
		try {
			stepMeter(topic).record(nanos);
		}
		catch (RuntimeException ex) {
			failed(bench, ex);
		}
	}

	@Override
	public void onIteration(Benchmarker bench, long nanos) {
		try {
			this.iterationTimer.record(nanos, TimeUnit.NANOSECONDS);
			if (!this.memoryChecked) {
				bindMemoryIfTracked(bench);
			}
		}
		catch (RuntimeException ex) {
			failed(bench, ex);
		}
	}

	private StepMeter stepMeter(String topic) {
		StepMeter meter = this.stepMeters.get(topic);
		return (meter != null) ? meter : this.stepMeters.computeIfAbsent(topic, this::newStepMeter);
	}

	private StepMeter newStepMeter(String topic) {
		return StepMeter.register(this.stepMeterType, this.registry, this.tags.and(BenchMetricNames.TAG_STEP, topic));
	}

	// Memory tracking may be switched on after the benchmarker was bound: each closed
	// iteration checks again, until
	// the gauges are registered or the check itself fails.
	private void bindMemoryIfTracked(Benchmarker bench) {
		try {
			if (bench.memory().isEnabled()) {
				this.memoryChecked = true;
				MemoryGauges.register(bench, this.tags, this.registry);
			}
		}
		catch (RuntimeException ex) {
			this.memoryChecked = true;
			logger.debug("No memory gauges for porter-bench benchmarker '" + bench.name() + "'", ex);
		}
	}

	private void failed(Benchmarker bench, RuntimeException ex) {
		if (this.failureLogged.compareAndSet(false, true)) {
			logger.warn("Could not record the meters of porter-bench benchmarker '" + bench.name()
					+ "'; the measured code is not affected. Further failures are not logged", ex);
		}
	}

}
