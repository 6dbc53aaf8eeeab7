package io.porterbench.demo.orders;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class OrderValidatorTests {

	private final OrderValidator validator = new OrderValidator();

	@Test
	void orderThatKeepsEveryRuleIsAccepted() {
		OrderRequest order = new OrderRequest("ada@example.com",
				List.of(new OrderLine("BEN-001", 1), new OrderLine("CLK-003", 99)), "WELCOME10");
		assertThatNoException().isThrownBy(() -> this.validator.validate(order));
	}

	@Test
	void everyBrokenRuleIsListedAtOnce() {
		OrderRequest order = new OrderRequest("not an address",
				List.of(new OrderLine("ben-1", 1), new OrderLine("BEN-002", 0), new OrderLine("BEN-002", 100)),
				"no spaces");
		assertThatExceptionOfType(InvalidOrderException.class).isThrownBy(() -> this.validator.validate(order))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("customer must be an e-mail address",
					"sku must look like ABC-123", "quantity of BEN-002 must be 1 to 99, was 0",
					"sku BEN-002 appears twice; use one line with the total quantity",
					"quantity of BEN-002 must be 1 to 99, was 100",
					"coupon must be 4 to 16 capital letters or digits"));
	}

	@Test
	void orderNeedsOneToTwentyLines() {
		List<OrderLine> tooMany = new ArrayList<>();
		for (int i = 0; i <= OrderValidator.MAX_LINES; i++) {
			tooMany.add(new OrderLine("BEN-%03d".formatted(i), 1));
		}
		for (List<OrderLine> lines : List.of(List.<OrderLine>of(), tooMany)) {
			assertThatExceptionOfType(InvalidOrderException.class)
				.isThrownBy(() -> this.validator.validate(new OrderRequest("ada@example.com", lines, null)))
				.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("an order has 1 to 20 lines"));
		}
	}

	@Test
	void missingFieldsAreProblemsNotCrashes() {
		List<OrderLine> lines = new ArrayList<>();
		lines.add(null);
		assertThatExceptionOfType(InvalidOrderException.class)
			.isThrownBy(() -> this.validator.validate(new OrderRequest(null, null, null)))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(2));
		assertThatExceptionOfType(InvalidOrderException.class)
			.isThrownBy(() -> this.validator.validate(new OrderRequest("ada@example.com", lines, null)))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("sku must look like ABC-123"));
	}

}
