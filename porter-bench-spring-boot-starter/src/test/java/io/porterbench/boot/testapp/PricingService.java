package io.porterbench.boot.testapp;

import io.porterbench.annotation.BenchStep;

import org.springframework.stereotype.Service;

/**
 * Its {@code price} calls are steps of the iteration that calls them.
 */
@Service
class PricingService {

	@BenchStep("price")
	public int price(int quantity) {
		return quantity * 3;
	}

}
