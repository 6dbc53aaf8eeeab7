package io.porterbench.boot.aop;

import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BenchAnnotationValidator}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchAnnotationValidatorTests {

	private final BenchAnnotationValidator validator = new BenchAnnotationValidator();

	@Test
	void validAnnotationsPass(CapturedOutput output) {
		Object bean = new ValidService();
		assertThat(this.validator.postProcessBeforeInitialization(bean, "validService")).isSameAs(bean);
		assertThat(output).doesNotContain("cannot intercept");
	}

	@Test
	void reservedTopicIsRejectedNamingTheMethod() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(StopTimeService.class))
			.withMessageContaining(StopTimeService.class.getName() + ".stop")
			.withMessageContaining("STOP_TIME");
	}

	@Test
	void methodNamedLikeAReservedTopicIsRejectedWhenItIsTheTopic() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(GlobalMethodService.class))
			.withMessageContaining(GlobalMethodService.class.getName() + ".GLOBAL");
	}

	@Test
	void stepBenchWithDotsIsRejectedNamingTheMethod() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(EscapingStepService.class))
			.withMessageContaining(EscapingStepService.class.getName() + ".load")
			.withMessageContaining("@BenchStep");
	}

	@Test
	void topicOnATypeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(TypeTopicService.class))
			.withMessageContaining(TypeTopicService.class.getName())
			.withMessageContaining("must not set a topic");
	}

	@Test
	void invalidBenchOnATypeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(TypeBenchService.class))
			.withMessageContaining("type " + TypeBenchService.class.getName())
			.withMessageContaining("U+0020");
	}

	@Test
	void stepAndIterationOnOneMethodAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(BothService.class))
			.withMessageContaining(BothService.class.getName() + ".both")
			.withMessageContaining("either a step or an iteration");
	}

	@Test
	void inheritedAnnotationsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validate(SubclassService.class))
			.withMessageContaining(StopTimeService.class.getName() + ".stop");
	}

	@Test
	void annotationsAProxyCannotApplyAreReported(CapturedOutput output) {
		this.validator.validate(UnreachableService.class);
		assertThat(output).contains(UnreachableService.class.getName() + ".finalStep")
			.contains(UnreachableService.class.getName() + ".privateStep")
			.contains("a Spring proxy cannot intercept it");
	}

	static class ValidService {

		@BenchStep(value = "load", bench = "pipeline-2.v1")
		public void load() {
		}

		@BenchIteration("pipeline")
		public void run() {
		}

	}

	static class StopTimeService {

		@BenchStep("STOP_TIME")
		public void stop() {
		}

	}

	static class SubclassService extends StopTimeService {

	}

	static class GlobalMethodService {

		@BenchStep
		public void GLOBAL() {
		}

	}

	static class EscapingStepService {

		@BenchStep(bench = "..")
		public void load() {
		}

	}

	@BenchStep("everything")
	static class TypeTopicService {

		public void load() {
		}

	}

	@BenchStep(bench = "two words")
	static class TypeBenchService {

		public void load() {
		}

	}

	static class BothService {

		@BenchStep
		@BenchIteration("pipeline")
		public void both() {
		}

	}

	static class UnreachableService {

		@BenchStep
		public final void finalStep() {
		}

		@BenchStep
		private void privateStep() {
		}

	}

}
