package io.porterbench.demo.orders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.porterbench.annotation.BenchStep;

import org.springframework.stereotype.Service;

/**
 * Checks an order against the shop's rules before anything is priced or stored.
 *
 * <p>
 * Step {@code validate} of the {@code orders} benchmarker. {@code @BenchStep} names no
 * benchmarker: the aspect finds the iteration that {@code OrderController} opened on this
 * thread. When a rule fails, the exception leaves the method unchanged and the step is
 * still recorded, so rejected orders show up in the timings too (as a short
 * {@code validate} and nothing after it).
 */
@Service
public class OrderValidator {

	static final int MAX_LINES = 20;

	static final int MAX_QUANTITY = 99;

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,63}\\.[A-Za-z]{2,}");

	private static final Pattern SKU = Pattern.compile("[A-Z]{3}-\\d{3}");

	private static final Pattern COUPON = Pattern.compile("[A-Z0-9]{4,16}");

	/**
	 * Validates an order.
	 * @param order the order
	 * @throws InvalidOrderException listing every broken rule
	 */
	@BenchStep("validate")
	public void validate(OrderRequest order) {
		List<String> problems = new ArrayList<>();
		if (order.customer() == null || !EMAIL.matcher(order.customer()).matches()) {
			problems.add("customer must be an e-mail address");
		}
		List<OrderLine> lines = order.lines();
		if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
			problems.add("an order has 1 to " + MAX_LINES + " lines");
		}
		else {
			Set<String> seen = new HashSet<>();
			for (OrderLine line : lines) {
				validateLine(line, seen, problems);
			}
		}
		if (order.coupon() != null && !COUPON.matcher(order.coupon()).matches()) {
			problems.add("coupon must be 4 to 16 capital letters or digits");
		}
		if (!problems.isEmpty()) {
			throw new InvalidOrderException(problems);
		}
	}

	private void validateLine(OrderLine line, Set<String> seen, List<String> problems) {
		if (line == null || line.sku() == null || !SKU.matcher(line.sku()).matches()) {
			problems.add("sku must look like ABC-123");
			return;
		}
		if (!seen.add(line.sku())) {
			problems.add("sku " + line.sku() + " appears twice; use one line with the total quantity");
		}
		if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
			problems.add("quantity of " + line.sku() + " must be 1 to " + MAX_QUANTITY + ", was " + line.quantity());
		}
	}

}
