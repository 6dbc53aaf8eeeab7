package io.porterbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jfr.Category;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.RunRecord;
import io.porterbench.record.SavedCall;
import io.porterbench.record.SavedIteration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Steps and iterations as JFR events, checked in real recordings read back with
 * {@link RecordingFile}.
 */
class FlightRecorderEventsTests {

	private static final double TWO_MILLIS = 0.002;

	@TempDir
	Path root;

	@Test
	void everyStepAndIterationIsAnEventWithTheSavedTimesOnTheThreadThatRecordedIt() throws Exception {
		BenchDict dict = BenchDict.builder().root(this.root.resolve("runs")).build();
		Benchmarker bench = dict.get("jfr-known-sleeps");
		AtomicLong threadId = new AtomicLong();
		List<RecordedEvent> events = record(true, true, () -> runOnNamedThread("jfr-worker", () -> {
			threadId.set(Thread.currentThread().getId());
			threeIterationsOfThreeSteps(bench);
		}));
		List<RecordedEvent> steps = ofType(events, "porterbench.Step", "jfr-known-sleeps");
		List<RecordedEvent> iterations = ofType(events, "porterbench.Iteration", "jfr-known-sleeps");
		assertThat(steps).hasSize(12);
		assertThat(iterations).hasSize(3);
		assertThat(steps).extracting((event) -> event.getString("step"))
			.containsExactly("load", "parse", "store", "gstop", "load", "parse", "store", "gstop", "load", "parse",
					"store", "gstop");
		assertThat(steps).extracting((event) -> event.getLong("iteration"))
			.containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L);
		assertThat(iterations).extracting((event) -> event.getLong("iteration")).containsExactly(0L, 1L, 2L);
		assertThat(iterations).extracting((event) -> event.getInt("steps")).containsOnly(4);
		for (RecordedEvent event : events) {
			assertThat(event.getThread().getJavaThreadId()).isEqualTo(threadId.get());
			assertThat(event.getThread().getJavaName()).isEqualTo("jfr-worker");
			assertThat(event.getStackTrace()).isNull();
		}
		BenchRecord saved = RunRecord.load(dict.save()).bench("jfr-known-sleeps");
		for (int i = 0; i < 3; i++) {
			SavedIteration iteration = saved.iterations().get(i);
			List<SavedCall> calls = new ArrayList<>();
			for (String topic : List.of("load", "parse", "store", "gstop")) {
				calls.add(iteration.calls().get(topic).get(0));
			}
			for (int s = 0; s < 4; s++) {
				assertThat(seconds(steps.get(4 * i + s))).isCloseTo(calls.get(s).time(), within(TWO_MILLIS));
			}
			RecordedEvent iterationEvent = iterations.get(i);
			assertThat(seconds(iterationEvent)).isCloseTo(iteration.absolutes().get("GLOBAL"), within(TWO_MILLIS));
			// the iteration covers its steps on the timeline: it starts where its first
			// step starts
			assertThat(iterationEvent.getStartTime()).isCloseTo(steps.get(4 * i).getStartTime(),
					within(2, ChronoUnit.MILLIS));
			assertThat(iterationEvent.getEndTime()).isCloseTo(steps.get(4 * i + 3).getEndTime(),
					within(2, ChronoUnit.MILLIS));
			assertThat(iterationEvent.getEndTime().toEpochMilli() / 1000.0).isCloseTo(iteration.stopTime(),
					within(0.05));
		}
		dict.close();
	}

	@Test
	void recordAndRecordSinceStepsAreEventsWithTheirOwnDuration() throws Exception {
		BenchDict dict = BenchDict.builder().root(this.root).build();
		Benchmarker bench = dict.get("jfr-record-since");
		List<RecordedEvent> events = record(true, true, () -> {
			bench.gstep();
			long start = bench.clock().nanoTime();
			sleep(15);
			bench.recordSince("advised", start);
			bench.record("measured-elsewhere", 7_000_000);
			bench.gstop();
		});
		List<RecordedEvent> steps = ofType(events, "porterbench.Step", "jfr-record-since");
		assertThat(steps).extracting((event) -> event.getString("step"))
			.containsExactly("advised", "measured-elsewhere", "gstop");
		assertThat(seconds(steps.get(1))).isEqualTo(0.007);
		BenchRecord saved = RunRecord.load(dict.save()).bench("jfr-record-since");
		assertThat(seconds(steps.get(0)))
			.isCloseTo(saved.iterations().get(0).calls().get("advised").get(0).time(), within(TWO_MILLIS))
			.isGreaterThanOrEqualTo(0.015);
		dict.close();
	}

	@Test
	void aRecordingThatDisablesTheEventsGetsNone() throws Exception {
		BenchDict dict = BenchDict.builder().root(this.root).build();
		Benchmarker bench = dict.get("jfr-disabled-recording");
		List<RecordedEvent> events = record(false, false, () -> threeIterationsOfThreeSteps(bench));
		assertThat(ofType(events, "porterbench.Step", "jfr-disabled-recording")).isEmpty();
		assertThat(ofType(events, "porterbench.Iteration", "jfr-disabled-recording")).isEmpty();
		assertThat(bench.iterationCount()).isEqualTo(3);
		dict.close();
	}

	@Test
	void iterationsAreNumberedFromTheFirstOneThatWritesAnEventSoARecordingStartedLaterBeginsAtZero() throws Exception {
		BenchDict dict = BenchDict.builder().root(this.root).build();
		Benchmarker bench = dict.get("jfr-late-recording");
		// JFR is up but wants no porter-bench event: these iterations write none and take
		// no number
		record(false, false, () -> threeIterationsOfThreeSteps(bench));
		List<RecordedEvent> events = record(true, true, () -> threeIterationsOfThreeSteps(bench));
		assertThat(ofType(events, "porterbench.Step", "jfr-late-recording"))
			.extracting((event) -> event.getLong("iteration"))
			.containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L);
		assertThat(ofType(events, "porterbench.Iteration", "jfr-late-recording"))
			.extracting((event) -> event.getLong("iteration"))
			.containsExactly(0L, 1L, 2L);
		// with the iteration events alone, an iteration takes its number when it closes
		List<RecordedEvent> iterationsOnly = record(false, true, () -> threeIterationsOfThreeSteps(bench));
		assertThat(ofType(iterationsOnly, "porterbench.Iteration", "jfr-late-recording"))
			.extracting((event) -> event.getLong("iteration"))
			.containsExactly(3L, 4L, 5L);
		assertThat(bench.iterationCount()).isEqualTo(9);
		dict.close();
	}

	@Test
	void aRegistryBuiltWithoutJfrEventsEmitsNoneWhileARecordingWantsThem() throws Exception {
		BenchDict dict = BenchDict.builder().root(this.root).jfrEvents(false).build();
		Benchmarker bench = dict.get("jfr-off");
		List<RecordedEvent> events = record(true, true, () -> threeIterationsOfThreeSteps(bench));
		assertThat(ofType(events, "porterbench.Step", "jfr-off")).isEmpty();
		assertThat(ofType(events, "porterbench.Iteration", "jfr-off")).isEmpty();
		assertThat(bench.summary().steps()).containsKeys("load", "parse", "store");
		dict.close();
	}

	@Test
	void theEventTypesAreRegisteredInThePorterBenchCategoryWithLabelsAndDescriptions() {
		// JFR up, as any recording brings it up: the first step then registers the events
		FlightRecorder recorder = FlightRecorder.getFlightRecorder();
		BenchDict.builder().root(this.root).build().get("jfr-registers").step("x");
		List<EventType> types = recorder.getEventTypes()
			.stream()
			.filter((type) -> type.getName().startsWith("porterbench."))
			.toList();
		assertThat(types).extracting(EventType::getName)
			.containsExactlyInAnyOrder("porterbench.Step", "porterbench.Iteration");
		for (EventType type : types) {
			assertThat(type.getCategoryNames()).containsExactly("porter-bench");
			assertThat(type.getLabel()).isNotBlank();
			assertThat(type.getDescription()).isNotBlank();
			// startTime, duration, eventThread and stackTrace are JFR's own
			assertThat(type.getFields().subList(4, type.getFields().size())).allSatisfy((field) -> {
				assertThat(field.getLabel()).isNotBlank();
				assertThat(field.getDescription()).isNotBlank();
			});
		}
		assertThat(EventType.getEventType(StepEvent.class).getFields()).extracting(jdk.jfr.ValueDescriptor::getName)
			.containsExactly("startTime", "duration", "eventThread", "stackTrace", "bench", "step", "iteration");
		assertThat(EventType.getEventType(StepEvent.class).getField("iteration").getTypeName()).isEqualTo("long");
		assertThat(EventType.getEventType(IterationEvent.class).getField("steps").getTypeName()).isEqualTo("int");
		assertThat(StepEvent.class.getAnnotation(Category.class).value()).containsExactly("porter-bench");
	}

	@Test
	void withoutARecordingTheEventTypesAreOffSoAStepBuildsNoEvent() {
		BenchDict.builder().root(this.root).build().get("jfr-no-recording").step("x");
		boolean anyRecording = FlightRecorder.isInitialized()
				&& !FlightRecorder.getFlightRecorder().getRecordings().isEmpty();
		if (!anyRecording) {
			assertThat(EventType.getEventType(StepEvent.class).isEnabled()).isFalse();
			assertThat(EventType.getEventType(IterationEvent.class).isEnabled()).isFalse();
		}
	}

	@Test
	void aJvmThatNeverRecordsNeverLoadsTheEventClasses() throws Exception {
		Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
		Process child = new ProcessBuilder(javaBinary.toString(), "-Xlog:class+load=info", "-cp",
				System.getProperty("java.class.path"), NeverRecordingMain.class.getName(), this.root.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.waitFor()).as(output).isZero();
		assertThat(output).contains("io.porterbench.JfrEvents ")
			.contains("iterations recorded: 1")
			.doesNotContain("io.porterbench.StepEvent ")
			.doesNotContain("io.porterbench.IterationEvent ");
	}

	/**
	 * A JVM that uses a benchmarker and never starts JFR.
	 */
	static final class NeverRecordingMain {

		public static void main(String[] args) {
			BenchDict dict = BenchDict.builder().root(Path.of(args[0])).build();
			Benchmarker bench = dict.get("never-recording");
			bench.gstep();
			bench.step("a");
			bench.step("b");
			bench.gstop();
			System.out.println("iterations recorded: " + bench.iterationCount());
			dict.close();
		}

	}

	static void threeIterationsOfThreeSteps(Benchmarker bench) {
		for (int i = 0; i < 3; i++) {
			bench.gstep();
			sleep(10);
			bench.step("load");
			sleep(5);
			bench.step("parse");
			sleep(20);
			bench.step("store");
			sleep(2);
		}
		bench.gstop();
	}

	private static double seconds(RecordedEvent event) {
		return event.getDuration().toNanos() / 1e9;
	}

	private static List<RecordedEvent> ofType(List<RecordedEvent> events, String type, String bench) {
		return events.stream()
			.filter((event) -> event.getEventType().getName().equals(type) && bench.equals(event.getString("bench")))
			.toList();
	}

	private List<RecordedEvent> record(boolean steps, boolean iterations, Runnable work) throws IOException {
		Path file = this.root.resolve("recording-" + System.nanoTime() + ".jfr");
		try (Recording recording = new Recording()) {
			if (steps) {
				recording.enable("porterbench.Step");
			}
			else {
				recording.disable("porterbench.Step");
			}
			if (iterations) {
				recording.enable("porterbench.Iteration");
			}
			else {
				recording.disable("porterbench.Iteration");
			}
			recording.start();
			work.run();
			recording.stop();
			recording.dump(file);
		}
		return RecordingFile.readAllEvents(file)
			.stream()
			.filter((event) -> event.getEventType().getName().startsWith("porterbench."))
			.toList();
	}

	private static void runOnNamedThread(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.start();
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
