package io.porterbench.boot.testapp;

import java.util.Map;

import io.porterbench.annotation.BenchIteration;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each order placed is one iteration of the benchmarker {@code orders}.
 */
@RestController
class OrderController {

	private final PricingService pricing;

	OrderController(PricingService pricing) {
		this.pricing = pricing;
	}

	@BenchIteration("orders")
	@PostMapping("/orders")
	public Map<String, Integer> place(@RequestParam int quantity) {
		return Map.of("price", this.pricing.price(quantity));
	}

}
