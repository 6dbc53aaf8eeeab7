package io.porterbench.boot.testapp;

import io.porterbench.annotation.BenchStep;

import org.springframework.stereotype.Service;

/**
 * A step that takes a noticeable time, so that span and step durations compare
 * meaningfully.
 */
@Service
class InventoryService {

	@BenchStep("reserve")
	public boolean reserve() {
		Work.sleep(30);
		return true;
	}

}
