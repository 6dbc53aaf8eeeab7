package io.porterbench.demo.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.porterbench.demo.orders.OrderLine;
import io.porterbench.demo.orders.OrderRequest;

/**
 * Makes plausible orders from the demo catalogue, with a few bad ones among them so that
 * the rejected path is measured too. The same seed gives the same orders. Not
 * thread-safe.
 */
final class RandomOrders {

	static final List<String> SKUS = List.of("BEN-001", "BEN-002", "BEN-003", "BEN-004", "CLK-001", "CLK-002",
			"CLK-003", "GAU-001", "GAU-002", "TAP-001", "TAP-002", "TAP-003");

	static final List<String> CUSTOMERS = List.of("ada@example.com", "grace@example.com", "alan@example.org",
			"edsger@example.net", "barbara@example.com", "donald@example.org");

	private final Random random;

	RandomOrders(long seed) {
		this.random = new Random(seed);
	}

	OrderRequest next() {
		String customer = CUSTOMERS.get(this.random.nextInt(CUSTOMERS.size()));
		int lineCount = 1 + this.random.nextInt(4);
		Set<String> skus = new LinkedHashSet<>();
		while (skus.size() < lineCount) {
			skus.add(SKUS.get(this.random.nextInt(SKUS.size())));
		}
		List<OrderLine> lines = new ArrayList<>();
		for (String sku : skus) {
			lines.add(new OrderLine(sku, 1 + this.random.nextInt(6)));
		}
		String coupon = switch (this.random.nextInt(10)) {
			case 0, 1 -> "WELCOME10";
			case 2 -> "SPRING5";
			default -> null;
		};
		// About one order in twenty-five is rejected by validate, and one in twenty-five
		// by price.
		int fault = this.random.nextInt(25);
		if (fault == 0) {
			lines.set(0, new OrderLine(lines.get(0).sku(), 0));
		}
		else if (fault == 1) {
			lines.add(new OrderLine("ZZZ-999", 1));
		}
		return new OrderRequest(customer, lines, coupon);
	}

}
