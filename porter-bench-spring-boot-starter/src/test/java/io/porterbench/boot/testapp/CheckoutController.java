package io.porterbench.boot.testapp;

import java.util.Map;

import io.porterbench.annotation.BenchIteration;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each checkout is one iteration of the benchmarker {@code checkout}, with two steps in
 * two other beans: the shape of the tracing and Server-Timing tests.
 */
@RestController
class CheckoutController {

	private final InventoryService inventory;

	private final PaymentService payment;

	CheckoutController(InventoryService inventory, PaymentService payment) {
		this.inventory = inventory;
		this.payment = payment;
	}

	@BenchIteration("checkout")
	@GetMapping("/checkout")
	public Map<String, Object> checkout() {
		return Map.of("reserved", this.inventory.reserve(), "charged", this.payment.charge());
	}

}
