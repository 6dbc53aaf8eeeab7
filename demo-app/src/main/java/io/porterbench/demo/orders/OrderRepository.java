package io.porterbench.demo.orders;

import java.time.Clock;
import java.time.OffsetDateTime;

import io.porterbench.annotation.BenchStep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores priced orders in the embedded database.
 *
 * <p>
 * Step {@code persist} of the {@code orders} benchmarker. The method is also
 * {@code @Transactional}; the porter-bench aspect runs outside the transaction, so the
 * step includes the commit, which is what the caller waits for.
 */
@Repository
public class OrderRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Inserts an order and its lines in one transaction.
	 * @param order the validated order
	 * @param pricing its prices
	 * @return the new order's number
	 */
	@BenchStep("persist")
	@Transactional
	public long save(OrderRequest order, Pricing pricing) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer_order (customer, item_count, subtotal, discount, total, coupon, created_at) "
					+ "VALUES (:customer, :items, :subtotal, :discount, :total, :coupon, :createdAt)")
			.param("customer", order.customer())
			.param("items", pricing.itemCount())
			.param("subtotal", pricing.subtotal())
			.param("discount", pricing.discount())
			.param("total", pricing.total())
			.param("coupon", order.coupon())
			.param("createdAt", OffsetDateTime.now(this.clock))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		for (Pricing.PricedLine line : pricing.lines()) {
			this.jdbc
				.sql("INSERT INTO order_line (order_id, sku, quantity, unit_price) "
						+ "VALUES (:orderId, :sku, :quantity, :unitPrice)")
				.param("orderId", id)
				.param("sku", line.sku())
				.param("quantity", line.quantity())
				.param("unitPrice", line.unitPrice())
				.update();
		}
		return id;
	}

	/**
	 * How many orders are stored.
	 * @return the number of orders
	 */
	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Long.class).single();
	}

}
