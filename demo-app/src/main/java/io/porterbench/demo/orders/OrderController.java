package io.porterbench.demo.orders;

import io.porterbench.annotation.BenchIteration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Places orders: the {@code orders} benchmarker, built from annotations alone.
 *
 * <p>
 * What it shows: {@code @BenchIteration("orders")} makes each call of {@link #place} one
 * iteration (gstep before, gstop after). Each service it calls is a separate bean with a
 * {@code @BenchStep} method, so the Spring proxy applies the aspect and the calls become
 * the iteration's steps, in call order: {@code validate}, {@code price}, {@code persist},
 * {@code notify}. The {@code gstop} step is what runs after the last step (building the
 * response), and {@code GLOBAL} is the whole call.
 *
 * <p>
 * How to look at it: {@code GET /actuator/porterbench/orders} for the summary,
 * {@code /porterbench/} for the charts, and
 * {@code porterbench_step_seconds_count{bench="orders"}} on {@code /actuator/prometheus}.
 *
 * <p>
 * What not to do: calling a {@code @BenchStep} method of this same class would bypass the
 * proxy (self-invocation) and record nothing; that is why every step lives in its own
 * bean.
 */
@RestController
public class OrderController {

	private final OrderValidator validator;

	private final PricingService pricing;

	private final OrderRepository repository;

	private final NotificationService notifications;

	OrderController(OrderValidator validator, PricingService pricing, OrderRepository repository,
			NotificationService notifications) {
		this.validator = validator;
		this.pricing = pricing;
		this.repository = repository;
		this.notifications = notifications;
	}

	/**
	 * Places an order.
	 * @param order the order
	 * @return {@code 201 Created} with the order's number and prices
	 */
	@BenchIteration("orders")
	@PostMapping("/orders")
	public ResponseEntity<PlacedOrder> place(@RequestBody OrderRequest order) {
		this.validator.validate(order);
		Pricing priced = this.pricing.price(order);
		long id = this.repository.save(order, priced);
		this.notifications.orderPlaced(id, order.customer(), priced.total());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new PlacedOrder(id, priced.subtotal(), priced.discount(), priced.total(), priced.discounts()));
	}

	/**
	 * How many orders the shop has stored; not benchmarked.
	 * @return the number of orders
	 */
	@GetMapping("/orders/count")
	public long count() {
		return this.repository.count();
	}

	@ExceptionHandler
	ProblemDetail invalidOrder(InvalidOrderException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid order");
		problem.setProperty("problems", ex.getProblems());
		return problem;
	}

}
