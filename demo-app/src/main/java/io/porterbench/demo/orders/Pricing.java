package io.porterbench.demo.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * The priced order: every line at its catalogue price, and the discounts applied.
 *
 * @param lines the lines with their unit prices
 * @param subtotal the sum of the lines
 * @param discount the sum of the discounts
 * @param total {@code subtotal - discount}
 * @param discounts the discounts applied, in words
 */
public record Pricing(List<PricedLine> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal total,
		List<String> discounts) {

	/**
	 * An order line with its unit price.
	 *
	 * @param sku the product
	 * @param quantity how many
	 * @param unitPrice the catalogue price of one
	 */
	public record PricedLine(String sku, int quantity, BigDecimal unitPrice) {

	}

	/**
	 * How many items the order has, all lines together.
	 * @return the number of items
	 */
	public int itemCount() {
		return this.lines.stream().mapToInt(PricedLine::quantity).sum();
	}

}
