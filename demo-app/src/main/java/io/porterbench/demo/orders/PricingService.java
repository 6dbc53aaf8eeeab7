package io.porterbench.demo.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.porterbench.annotation.BenchStep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Prices an order from the catalogue and applies the discounts.
 *
 * <p>
 * Step {@code price} of the {@code orders} benchmarker. It reads the catalogue with one
 * query, so its time is mostly the database round trip: compare it with {@code persist}
 * on the dashboard's bar chart.
 */
@Service
public class PricingService {

	/** Orders of at least this many items get {@link #VOLUME_RATE} off. */
	static final int VOLUME_ITEMS = 10;

	static final BigDecimal VOLUME_RATE = new BigDecimal("0.05");

	/** Coupon codes and the share of the subtotal they take off. */
	static final Map<String, BigDecimal> COUPONS = Map.of("WELCOME10", new BigDecimal("0.10"), "SPRING5",
			new BigDecimal("0.05"));

	private final JdbcClient jdbc;

	/**
	 * A pricing service reading the catalogue through the given client.
	 * @param jdbc the database holding the {@code product} table
	 */
	public PricingService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Prices a validated order.
	 * @param order the order, already validated
	 * @return the prices and discounts
	 * @throws InvalidOrderException when a product or the coupon is unknown
	 */
	@BenchStep("price")
	public Pricing price(OrderRequest order) {
		List<OrderLine> lines = List.copyOf(order.lines());
		Map<String, BigDecimal> prices = catalogPrices(lines);
		List<String> problems = new ArrayList<>();
		List<Pricing.PricedLine> priced = new ArrayList<>();
		BigDecimal subtotal = BigDecimal.ZERO;
		int items = 0;
		for (OrderLine line : lines) {
			BigDecimal unitPrice = prices.get(line.sku());
			if (unitPrice == null) {
				problems.add("unknown product " + line.sku());
				continue;
			}
			priced.add(new Pricing.PricedLine(line.sku(), line.quantity(), unitPrice));
			subtotal = subtotal.add(unitPrice.multiply(BigDecimal.valueOf(line.quantity())));
			items += line.quantity();
		}
		BigDecimal couponRate = (order.coupon() != null) ? COUPONS.get(order.coupon()) : BigDecimal.ZERO;
		if (couponRate == null) {
			problems.add("unknown coupon " + order.coupon());
		}
		if (!problems.isEmpty()) {
			throw new InvalidOrderException(problems);
		}
		List<String> discounts = new ArrayList<>();
		BigDecimal discount = BigDecimal.ZERO;
		if (items >= VOLUME_ITEMS) {
			discount = discount.add(money(subtotal.multiply(VOLUME_RATE)));
			discounts.add("5% off for " + VOLUME_ITEMS + " items or more");
		}
		if (couponRate.signum() > 0) {
			// Coupons apply to what is left after the volume discount, so the two never
			// exceed the subtotal.
			discount = discount.add(money(subtotal.subtract(discount).multiply(couponRate)));
			discounts.add("coupon " + order.coupon());
		}
		subtotal = money(subtotal);
		return new Pricing(priced, subtotal, discount, subtotal.subtract(discount), discounts);
	}

	private Map<String, BigDecimal> catalogPrices(List<OrderLine> lines) {
		List<String> skus = lines.stream().map(OrderLine::sku).toList();
		return this.jdbc.sql("SELECT sku, price FROM product WHERE sku IN (:skus)")
			.param("skus", skus)
			.query((rs, row) -> Map.entry(rs.getString("sku"), rs.getBigDecimal("price")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

}
