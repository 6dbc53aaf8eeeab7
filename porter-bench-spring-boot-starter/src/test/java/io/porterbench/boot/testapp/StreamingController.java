package io.porterbench.boot.testapp;

import java.io.IOException;

import io.porterbench.annotation.BenchIteration;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An iteration that commits its response before its last step: the shape of a streaming
 * response.
 */
@RestController
class StreamingController {

	private final InventoryService inventory;

	private final PaymentService payment;

	StreamingController(InventoryService inventory, PaymentService payment) {
		this.inventory = inventory;
		this.payment = payment;
	}

	@BenchIteration("streaming")
	@GetMapping("/streaming")
	public void stream(HttpServletResponse response) throws IOException {
		this.inventory.reserve();
		response.setContentType("text/plain");
		response.getWriter().write("reserved\n");
		response.flushBuffer();
		this.payment.charge();
		response.getWriter().write("charged\n");
	}

}
