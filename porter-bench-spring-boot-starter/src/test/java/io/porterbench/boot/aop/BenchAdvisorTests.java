package io.porterbench.boot.aop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.porterbench.BenchDict;
import io.porterbench.BenchSummary;
import io.porterbench.Benchmarker;
import io.porterbench.MockBenchClock;
import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import io.porterbench.boot.metrics.BenchMetricsBinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BenchAdvisor}, on class-based proxies built with {@link ProxyFactory}
 * as Spring's auto-proxy creation builds them, and a {@link MockBenchClock} that the test
 * services move forward, so every duration is exact.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchAdvisorTests {

	private static final Duration PRICE_TIME = Duration.ofMillis(30);

	private static final Duration TAX_TIME = Duration.ofMillis(7);

	private final MockBenchClock clock = new MockBenchClock();

	private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

	@TempDir
	Path root;

	private BenchDict benchDict;

	private BenchAdvisor advisor;

	@BeforeEach
	void createAdvisor() {
		this.benchDict = BenchDict.builder().root(this.root).clock(this.clock).build();
		this.advisor = new BenchAdvisor(this.benchDict, "fallback");
	}

	@AfterEach
	void stop() {
		this.otherThread.shutdownNow();
		this.benchDict.close();
	}

	@Test
	void stepIsRecordedInTheIterationOpenOnTheThread() {
		PricingService pricing = proxy(new PricingService(this.clock));
		Benchmarker orders = this.benchDict.get("orders");
		orders.gstep();
		assertThat(pricing.price(12)).isEqualTo(24);
		orders.gstop();
		BenchSummary summary = orders.summary();
		assertThat(summary.iterations()).isOne();
		assertThat(summary.step("price").count()).isOne();
		assertThat(summary.step("price").mean()).isEqualTo(0.030);
		assertThat(this.benchDict.find("fallback")).isEmpty();
	}

	@Test
	void stepTopicDefaultsToTheMethodName() {
		PricingService pricing = proxy(new PricingService(this.clock));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			pricing.tax(5);
		}
		assertThat(this.benchDict.get("orders").summary().step("tax").mean()).isEqualTo(0.007);
	}

	@Test
	void stepNamingABenchGoesThereEvenInsideAnotherIteration() {
		AuditService audit = proxy(new AuditService(this.clock));
		Benchmarker orders = this.benchDict.get("orders");
		orders.gstep();
		audit.audit();
		orders.gstop();
		assertThat(orders.summary().steps()).doesNotContainKey("write");
		assertThat(this.benchDict.get("audit").summary().step("write").mean()).isEqualTo(0.007);
	}

	@Test
	void stepOutsideAnyIterationIsAnIterationOfTheDefaultBenchmarker() {
		PricingService pricing = proxy(new PricingService(this.clock));
		pricing.price(1);
		pricing.price(2);
		Benchmarker fallback = this.benchDict.get("fallback");
		assertThat(fallback.iterationCount()).isEqualTo(2);
		assertThat(fallback.openIterations()).isZero();
		assertThat(fallback.summary().step("price").mean()).isEqualTo(0.030);
		assertThat(fallback.summary().step(BenchSummary.GLOBAL).mean()).isEqualTo(0.030);
		assertThat(this.benchDict.current()).isNull();
	}

	@Test
	void stepNamingABenchWithNoOpenIterationIsAnIterationOfItsOwn() {
		AuditService audit = proxy(new AuditService(this.clock));
		audit.audit();
		Benchmarker auditBench = this.benchDict.get("audit");
		assertThat(auditBench.iterationCount()).isOne();
		assertThat(auditBench.isIterationOpen()).isFalse();
		assertThat(this.benchDict.find("fallback")).isEmpty();
	}

	@Test
	void typeLevelStepTimesEveryPublicMethodNamedAfterIt() {
		InventoryService inventory = proxy(new InventoryService(this.clock));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			inventory.reserve();
			inventory.release();
			assertThat(inventory.toString()).isEqualTo("inventory");
		}
		BenchSummary summary = this.benchDict.get("orders").summary();
		assertThat(summary.steps()).containsKeys("reserve", "release").doesNotContainKey("toString");
		assertThat(summary.step("reserve").mean()).isEqualTo(0.030);
		assertThat(summary.step("release").mean()).isEqualTo(0.007);
	}

	@Test
	void typeLevelStepYieldsToAMethodLevelAnnotation() {
		InventoryService inventory = proxy(new InventoryService(this.clock));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			inventory.recount();
		}
		assertThat(this.benchDict.get("orders").summary().steps()).containsKey("count-all")
			.doesNotContainKey("recount");
	}

	@Test
	void iterationWrapsEachCallAndCollectsItsSteps() {
		OrderService orders = proxy(new OrderService(proxy(new PricingService(this.clock)), null));
		orders.place(10);
		orders.place(20);
		Benchmarker bench = this.benchDict.get("orders");
		assertThat(bench.iterationCount()).isEqualTo(2);
		assertThat(bench.openIterations()).isZero();
		assertThat(bench.summary().step("price").count()).isEqualTo(2);
		assertThat(bench.summary().step(BenchSummary.GLOBAL).mean()).isEqualTo(0.030);
		assertThat(this.benchDict.find("fallback")).isEmpty();
	}

	@Test
	void nestedIterationOfTheSameBenchmarkerJoinsTheOuterOne() {
		OrderService inner = proxy(new OrderService(proxy(new PricingService(this.clock)), null));
		OrderService outer = proxy(new OrderService(proxy(new PricingService(this.clock)), inner));
		outer.place(10);
		Benchmarker bench = this.benchDict.get("orders");
		assertThat(bench.iterationCount()).isOne();
		assertThat(bench.summary().step("price").count()).isOne();
		assertThat(bench.summary().step("price").total()).isEqualTo(0.060);
	}

	@Test
	void nestedIterationOfAnotherBenchmarkerTakesTheNestedSteps() {
		RefundService refunds = proxy(new RefundService(proxy(new PricingService(this.clock))));
		OrderService orders = proxy(new OrderService(proxy(new PricingService(this.clock)), null));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			refunds.refund();
			orders.place(1);
		}
		assertThat(this.benchDict.get("refunds").summary().step("price").count()).isOne();
		assertThat(this.benchDict.get("refunds").iterationCount()).isOne();
		assertThat(this.benchDict.get("orders").iterationCount()).isOne();
		assertThat(this.benchDict.get("orders").summary().step("price").count()).isOne();
	}

	@Test
	void exceptionPropagatesUnchangedAndTheStepIsStillRecorded() {
		PricingService pricing = proxy(new PricingService(this.clock));
		Benchmarker orders = this.benchDict.get("orders");
		orders.gstep();
		assertThatExceptionOfType(PriceException.class).isThrownBy(() -> pricing.price(-1))
			.isSameAs(PricingService.NEGATIVE);
		orders.gstop();
		assertThat(orders.summary().step("price").mean()).isEqualTo(0.030);
	}

	@Test
	void exceptionInAnIterationStillClosesIt() {
		OrderService orders = proxy(new OrderService(proxy(new PricingService(this.clock)), null));
		assertThatExceptionOfType(PriceException.class).isThrownBy(() -> orders.place(-1));
		Benchmarker bench = this.benchDict.get("orders");
		assertThat(bench.iterationCount()).isOne();
		assertThat(bench.isIterationOpen()).isFalse();
		assertThat(this.benchDict.current()).isNull();
	}

	@Test
	void completedStageIsRecordedLikeASynchronousResult() {
		AsyncPricingService pricing = proxy(new AsyncPricingService(this.clock));
		Benchmarker orders = this.benchDict.get("orders");
		orders.gstep();
		assertThat(pricing.quote(CompletableFuture.completedFuture(5))).isCompletedWithValue(5);
		orders.gstop();
		assertThat(orders.summary().step("quote").mean()).isEqualTo(0.030);
		assertThat(this.benchDict.find("orders" + BenchAdvisor.ASYNC_BENCH_SUFFIX)).isEmpty();
	}

	@Test
	void pendingStageIsRecordedWhenItCompletesOnAnotherThread() throws Exception {
		AsyncPricingService pricing = proxy(new AsyncPricingService(this.clock));
		CompletableFuture<Integer> pending = new CompletableFuture<>();
		Benchmarker orders = this.benchDict.get("orders");
		orders.gstep();
		CompletionStage<Integer> returned = pricing.quote(pending);
		orders.gstop();
		assertThat(returned).isSameAs(pending);
		assertThat(orders.summary().steps()).doesNotContainKey("quote");
		this.clock.add(Duration.ofMillis(50));
		this.otherThread.submit(() -> pending.complete(7)).get();
		Benchmarker async = this.benchDict.get("orders" + BenchAdvisor.ASYNC_BENCH_SUFFIX);
		assertThat(async.iterationCount()).isOne();
		assertThat(async.openIterations()).isZero();
		assertThat(async.summary().step("quote").mean()).isEqualTo(0.080);
		assertThat(orders.iterationCount()).isOne();
	}

	@Test
	void pendingStageThatFailsIsRecordedToo() throws Exception {
		AsyncPricingService pricing = proxy(new AsyncPricingService(this.clock));
		CompletableFuture<Integer> pending = new CompletableFuture<>();
		try (var iteration = this.benchDict.get("orders").iteration()) {
			pricing.quote(pending);
		}
		this.otherThread.submit(() -> pending.completeExceptionally(PricingService.NEGATIVE)).get();
		assertThat(pending).isCompletedExceptionally();
		assertThat(this.benchDict.get("orders.async").summary().step("quote").mean()).isEqualTo(0.030);
	}

	@Test
	void iterationReturningAPendingStageClosesOnReturnAndRecordsTheCompletion() throws Exception {
		AsyncOrderService orders = proxy(new AsyncOrderService(proxy(new PricingService(this.clock))));
		CompletableFuture<Integer> pending = new CompletableFuture<>();
		assertThat(orders.placeLater(pending)).isSameAs(pending);
		Benchmarker bench = this.benchDict.get("orders");
		assertThat(bench.iterationCount()).isOne();
		assertThat(bench.isIterationOpen()).isFalse();
		assertThat(bench.summary().step("price").count()).isOne();
		this.clock.add(Duration.ofMillis(100));
		this.otherThread.submit(() -> pending.complete(3)).get();
		Benchmarker async = this.benchDict.get("orders.async");
		assertThat(async.iterationCount()).isOne();
		assertThat(async.summary().step("placeLater").mean()).isEqualTo(0.130);
	}

	@Test
	void failingMeterRegistryLeavesTheBusinessResultUntouched(CapturedOutput output) {
		new BenchMetricsBinder(this.benchDict).bindTo(new FailingMeterRegistry());
		OrderService orders = proxy(new OrderService(proxy(new PricingService(this.clock)), null));
		assertThat(orders.place(21)).isEqualTo(42);
		assertThat(orders.place(4)).isEqualTo(8);
		assertThat(this.benchDict.get("orders").summary().step("price").count()).isEqualTo(2);
		assertThat(output).containsOnlyOnce("this registry cannot make step timers");
	}

	@Test
	void invalidTopicAtRunTimeIsLoggedOnceAndTheCallRunsUnmeasured(CapturedOutput output) {
		ReservedTopicService service = proxy(new ReservedTopicService());
		assertThat(service.work()).isEqualTo("done");
		assertThat(service.work()).isEqualTo("done");
		assertThat(output).containsOnlyOnce("porter-bench could not measure");
		assertThat(output).contains("reserved");
		assertThat(this.benchDict.find("fallback")).isEmpty();
	}

	@Test
	void interfaceProxyTimesTheAnnotatedImplementation() {
		Quoting quoting = interfaceProxy(new AnnotatedQuoting(this.clock));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			assertThat(quoting.quote(3)).isEqualTo(4);
		}
		assertThat(this.benchDict.get("orders").summary().step("quote-impl").mean()).isEqualTo(0.030);
	}

	@Test
	void interfaceProxyHonoursAnAnnotationOnTheInterfaceMethod() {
		AnnotatedInterface service = interfaceProxy(new PlainImplementation(this.clock));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			assertThat(service.lookUp()).isEqualTo("found");
		}
		assertThat(this.benchDict.get("orders").summary().step("look-up").mean()).isEqualTo(0.007);
	}

	@Test
	void interfaceProxiesOfTwoImplementationsKeepTheirOwnTopics() {
		Quoting annotated = interfaceProxy(new AnnotatedQuoting(this.clock));
		Quoting typeLevel = interfaceProxy(new TypeLevelQuoting(this.clock));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			annotated.quote(1);
			typeLevel.quote(1);
			annotated.quote(1);
		}
		BenchSummary summary = this.benchDict.get("orders").summary();
		// Calls of one topic in one iteration add up to one entry.
		assertThat(summary.step("quote-impl").total()).isEqualTo(0.060);
		assertThat(summary.step("quote").total()).isEqualTo(0.007);
	}

	@Test
	void interfaceProxyPropagatesExceptionsUnchanged() {
		Quoting quoting = interfaceProxy(new AnnotatedQuoting(this.clock));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			assertThatExceptionOfType(PriceException.class).isThrownBy(() -> quoting.quote(-1))
				.isSameAs(PricingService.NEGATIVE);
		}
		assertThat(this.benchDict.get("orders").summary().step("quote-impl").count()).isOne();
	}

	@Test
	void unannotatedMethodsOfAProxyAreNotTimed() {
		PricingService pricing = proxy(new PricingService(this.clock));
		try (var iteration = this.benchDict.get("orders").iteration()) {
			assertThat(pricing.describe()).isEqualTo("pricing");
		}
		assertThat(this.benchDict.get("orders").summary().steps()).doesNotContainKey("describe");
		assertThat(this.benchDict.find("fallback")).isEmpty();
	}

	@Test
	void orderIsConfigurable() {
		assertThat(this.advisor.getOrder()).isEqualTo(BenchAdvisor.DEFAULT_ORDER);
		this.advisor.setOrder(42);
		assertThat(this.advisor.getOrder()).isEqualTo(42);
	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(T target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(this.advisor);
		return (T) factory.getProxy();
	}

	@SuppressWarnings("unchecked")
	private <T> T interfaceProxy(T target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(false);
		factory.addAdvisor(this.advisor);
		return (T) factory.getProxy();
	}

	static class PriceException extends RuntimeException {

		PriceException(String message) {
			super(message);
		}

	}

	static class PricingService {

		static final PriceException NEGATIVE = new PriceException("negative quantity");

		private final MockBenchClock clock;

		PricingService(MockBenchClock clock) {
			this.clock = clock;
		}

		@BenchStep("price")
		public int price(int quantity) {
			this.clock.add(PRICE_TIME);
			if (quantity < 0) {
				throw NEGATIVE;
			}
			return quantity * 2;
		}

		@BenchStep
		public int tax(int amount) {
			this.clock.add(TAX_TIME);
			return amount;
		}

		public String describe() {
			return "pricing";
		}

	}

	interface Quoting {

		int quote(int quantity);

	}

	static class AnnotatedQuoting implements Quoting {

		private final MockBenchClock clock;

		AnnotatedQuoting(MockBenchClock clock) {
			this.clock = clock;
		}

		@Override
		@BenchStep("quote-impl")
		public int quote(int quantity) {
			this.clock.add(PRICE_TIME);
			if (quantity < 0) {
				throw PricingService.NEGATIVE;
			}
			return quantity + 1;
		}

	}

	@BenchStep
	static class TypeLevelQuoting implements Quoting {

		private final MockBenchClock clock;

		TypeLevelQuoting(MockBenchClock clock) {
			this.clock = clock;
		}

		@Override
		public int quote(int quantity) {
			this.clock.add(TAX_TIME);
			return quantity;
		}

	}

	interface AnnotatedInterface {

		@BenchStep("look-up")
		String lookUp();

	}

	static class PlainImplementation implements AnnotatedInterface {

		private final MockBenchClock clock;

		PlainImplementation(MockBenchClock clock) {
			this.clock = clock;
		}

		@Override
		public String lookUp() {
			this.clock.add(TAX_TIME);
			return "found";
		}

	}

	static class AuditService {

		private final MockBenchClock clock;

		AuditService(MockBenchClock clock) {
			this.clock = clock;
		}

		@BenchStep(value = "write", bench = "audit")
		public void audit() {
			this.clock.add(TAX_TIME);
		}

	}

	@BenchStep
	static class InventoryService {

		private final MockBenchClock clock;

		InventoryService(MockBenchClock clock) {
			this.clock = clock;
		}

		public void reserve() {
			this.clock.add(PRICE_TIME);
		}

		public void release() {
			this.clock.add(TAX_TIME);
		}

		@BenchStep("count-all")
		public void recount() {
			this.clock.add(TAX_TIME);
		}

		@Override
		public String toString() {
			return "inventory";
		}

	}

	static class OrderService {

		private final PricingService pricing;

		private final OrderService nested;

		OrderService(PricingService pricing, OrderService nested) {
			this.pricing = pricing;
			this.nested = nested;
		}

		@BenchIteration("orders")
		public int place(int quantity) {
			int price = this.pricing.price(quantity);
			return (this.nested != null) ? this.nested.place(quantity) + price : price;
		}

	}

	static class RefundService {

		private final PricingService pricing;

		RefundService(PricingService pricing) {
			this.pricing = pricing;
		}

		@BenchIteration("refunds")
		public int refund() {
			return this.pricing.price(1);
		}

	}

	static class AsyncPricingService {

		private final MockBenchClock clock;

		AsyncPricingService(MockBenchClock clock) {
			this.clock = clock;
		}

		@BenchStep
		public CompletionStage<Integer> quote(CompletableFuture<Integer> result) {
			this.clock.add(PRICE_TIME);
			return result;
		}

	}

	static class AsyncOrderService {

		private final PricingService pricing;

		AsyncOrderService(PricingService pricing) {
			this.pricing = pricing;
		}

		@BenchIteration("orders")
		public CompletableFuture<Integer> placeLater(CompletableFuture<Integer> result) {
			this.pricing.price(1);
			return result;
		}

	}

	static class ReservedTopicService {

		@BenchStep("GLOBAL")
		public String work() {
			return "done";
		}

	}

	static class FailingMeterRegistry extends SimpleMeterRegistry {

		@Override
		protected Timer newTimer(Meter.Id id, DistributionStatisticConfig distributionStatisticConfig,
				PauseDetector pauseDetector) {
			if (id.getName().equals("porterbench.step")) {
				throw new IllegalStateException("this registry cannot make step timers");
			}
			return super.newTimer(id, distributionStatisticConfig, pauseDetector);
		}

		@Override
		protected <T> FunctionTimer newFunctionTimer(Meter.Id id, T obj, ToLongFunction<T> countFunction,
				ToDoubleFunction<T> totalTimeFunction, TimeUnit totalTimeFunctionUnit) {
			if (id.getName().equals("porterbench.step")) {
				throw new IllegalStateException("this registry cannot make step timers");
			}
			return super.newFunctionTimer(id, obj, countFunction, totalTimeFunction, totalTimeFunctionUnit);
		}

	}

}
