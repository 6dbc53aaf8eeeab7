package io.porterbench.boot.observation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.Span;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.porterbench.BenchDict;
import io.porterbench.BenchSummary;
import io.porterbench.boot.testapp.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * One HTTP request traced for real with Micrometer Tracing's Brave bridge: the spans
 * Brave finishes are kept in memory by a {@link SpanHandler}, and compared with what
 * porter-bench recorded.
 */
class BenchTracingIntegrationTests {

	@TempDir
	Path root;

	@Test
	void aRequestIsOneTraceOfServerIterationAndStepSpansTimedAsPorterBenchRecordedThem() throws Exception {
		try (RunningApp app = RunningApp.start(this.root, new Class<?>[] { SpanRecording.class },
				"porterbench.observation.enabled=true", "management.tracing.sampling.probability=1.0")) {
			List<MutableSpan> spans = app.context().getBean(SpanRecording.class).spans;
			BenchDict benchDict = app.context().getBean(BenchDict.class);
			// A first request loads the classes of tracing and resolves the methods,
			// inside porter-bench's steps but
			// partly outside the spans; the request compared is a warm one.
			assertThat(app.get("/checkout", "application/json").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofMinutes(1)).until(() -> spans.size() >= 4);
			spans.clear();
			benchDict.get("checkout").reset();
			assertThat(app.get("/checkout", "application/json").statusCode()).isEqualTo(200);
			// The server span ends after the response is written, on the server's thread.
			await().atMost(Duration.ofMinutes(1)).until(() -> spans.size() >= 4);
			assertThat(spans).hasSize(4);
			assertThat(spans).extracting(MutableSpan::traceId).containsOnly(spans.get(0).traceId());
			MutableSpan server = spans.stream().filter((span) -> span.kind() == Span.Kind.SERVER).findFirst().get();
			assertThat(server.parentId()).isNull();
			MutableSpan iteration = named(spans, "checkout");
			assertThat(iteration.parentId()).isEqualTo(server.id());
			assertThat(iteration.tags()).containsEntry("bench", "checkout");
			MutableSpan reserve = named(spans, "reserve");
			MutableSpan charge = named(spans, "charge payment");
			assertThat(reserve.parentId()).isEqualTo(iteration.id());
			assertThat(charge.parentId()).isEqualTo(iteration.id());
			assertThat(reserve.tags()).containsEntry("bench", "checkout").containsEntry("step", "reserve");
			assertThat(reserve.finishTimestamp()).isLessThanOrEqualTo(charge.startTimestamp());
			assertThat(iteration.startTimestamp()).isLessThanOrEqualTo(reserve.startTimestamp());
			assertThat(charge.finishTimestamp()).isLessThanOrEqualTo(iteration.finishTimestamp());
			BenchSummary recorded = benchDict.get("checkout").summary();
			assertThat(recorded.iterations()).isOne();
			assertCloseTo(reserve, recorded.step("reserve").total());
			assertCloseTo(charge, recorded.step("charge payment").total());
		}
	}

	private static MutableSpan named(List<MutableSpan> spans, String name) {
		return spans.stream().filter((span) -> name.equals(span.name())).findFirst().orElseThrow();
	}

	private static void assertCloseTo(MutableSpan span, double recordedSeconds) {
		double spanSeconds = (span.finishTimestamp() - span.startTimestamp()) / 1e6;
		assertThat(spanSeconds).as(span.name()).isCloseTo(recordedSeconds, within(recordedSeconds * 0.2));
	}

	@Configuration(proxyBeanMethods = false)
	static class SpanRecording {

		final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

		@Bean
		SpanHandler recordingSpanHandler() {
			return new SpanHandler() {

				@Override
				public boolean end(TraceContext context, MutableSpan span, Cause cause) {
					SpanRecording.this.spans.add(new MutableSpan(span));
					return true;
				}

			};
		}

	}

}
