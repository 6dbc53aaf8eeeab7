package io.porterbench.boot.testapp;

import io.porterbench.annotation.BenchStep;

import org.springframework.stereotype.Service;

/**
 * A second step, longer than the first.
 */
@Service
class PaymentService {

	@BenchStep("charge payment")
	public boolean charge() {
		Work.sleep(50);
		return true;
	}

}
