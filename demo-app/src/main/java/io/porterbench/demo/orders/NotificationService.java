package io.porterbench.demo.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;

import io.porterbench.annotation.BenchStep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Queues the order confirmation for the customer.
 *
 * <p>
 * Step {@code notify} of the {@code orders} benchmarker. It writes to an outbox table
 * instead of sending mail in the request: the usual fix once a benchmark shows that a
 * slow mail server makes every order slow.
 */
@Service
public class NotificationService {

	static final String CHANNEL = "EMAIL";

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationService(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Records the confirmation of a placed order in the outbox.
	 * @param orderId the order's number
	 * @param customer the customer's e-mail address
	 * @param total what the customer pays
	 */
	@BenchStep("notify")
	public void orderPlaced(long orderId, String customer, BigDecimal total) {
		String message = "Thank you for your order #%d. We will charge %s EUR when it ships.".formatted(orderId,
				total.toPlainString());
		this.jdbc
			.sql("INSERT INTO notification (order_id, recipient, channel, message, created_at) "
					+ "VALUES (:orderId, :recipient, :channel, :message, :createdAt)")
			.param("orderId", orderId)
			.param("recipient", customer)
			.param("channel", CHANNEL)
			.param("message", message)
			.param("createdAt", OffsetDateTime.now(this.clock))
			.update();
	}

}
