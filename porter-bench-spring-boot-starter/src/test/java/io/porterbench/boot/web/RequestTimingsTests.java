package io.porterbench.boot.web;

import java.nio.file.Path;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestTimings}: the value of the {@code Server-Timing} header.
 */
class RequestTimingsTests {

	@TempDir
	Path root;

	private BenchDict benchDict;

	private Benchmarker orders;

	@BeforeEach
	void createBenchmarkers() {
		this.benchDict = new BenchDict(this.root);
		this.orders = this.benchDict.get("orders");
	}

	@AfterEach
	void close() {
		this.benchDict.close();
	}

	@Test
	void repeatedStepsAreSummedInOrderOfFirstCallAndTheTotalComesLast() {
		RequestTimings timings = new RequestTimings();
		timings.step(this.orders, "load", 1_500_000);
		timings.step(this.orders, "price", 2_000_000);
		timings.step(this.orders, "load", 500_000);
		timings.step(this.orders, Benchmarker.GSTOP, 1_000);
		timings.iteration(this.orders, 4_250_000);
		assertThat(timings.commit(null)).isEqualTo("load;dur=2.000, price;dur=2.000, total;dur=4.250");
	}

	@Test
	void namesAreReducedToTokenCharacters() {
		assertThat(RequestTimings.token("charge payment")).isEqualTo("charge_payment");
		assertThat(RequestTimings.token("a,b;c=\"d\"")).isEqualTo("a_b_c__d_");
		assertThat(RequestTimings.token("prix-réduit")).isEqualTo("prix-r_duit");
		assertThat(RequestTimings.token("")).isEqualTo("_");
		assertThat(RequestTimings.token("ok.step_1~")).isEqualTo("ok.step_1~");
	}

	@Test
	void atMost32EntriesTotalIncluded() {
		RequestTimings timings = new RequestTimings();
		for (int i = 0; i < 50; i++) {
			timings.step(this.orders, "s" + i, 1_000_000);
		}
		timings.iteration(this.orders, 50_000_000);
		String header = timings.commit(null);
		assertThat(header.split(", ")).hasSize(RequestTimings.MAX_ENTRIES);
		assertThat(header).contains("s30;dur=").doesNotContain("s31;").endsWith("total;dur=50.000");
	}

	@Test
	void stepsAfterTheCommitAreLeftOut() {
		RequestTimings timings = new RequestTimings();
		timings.step(this.orders, "load", 1_000_000);
		assertThat(timings.commit(this.orders)).isEqualTo("load;dur=1.000");
		timings.step(this.orders, "late", 1_000_000);
		timings.iteration(this.orders, 3_000_000);
		assertThat(timings.commit(this.orders)).isEqualTo("load;dur=1.000");
	}

	@Test
	void theOutermostIterationOfTheRequestIsShown() {
		Benchmarker inner = this.benchDict.get("inner");
		RequestTimings timings = new RequestTimings();
		timings.step(inner, "lookup", 1_000_000);
		timings.iteration(inner, 1_100_000);
		timings.step(this.orders, "price", 2_000_000);
		timings.iteration(this.orders, 5_000_000);
		assertThat(timings.commit(null)).isEqualTo("price;dur=2.000, total;dur=5.000");
	}

	@Test
	void aRequestWithoutStepsHasNoHeader() {
		assertThat(new RequestTimings().commit(null)).isNull();
	}

}
