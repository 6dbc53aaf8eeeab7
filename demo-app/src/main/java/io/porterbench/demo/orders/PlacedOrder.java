package io.porterbench.demo.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to a placed order.
 *
 * @param id the order's number
 * @param subtotal the price before discounts
 * @param discount the sum of the discounts
 * @param total what the customer pays
 * @param discounts the discounts applied, in words
 */
public record PlacedOrder(long id, BigDecimal subtotal, BigDecimal discount, BigDecimal total, List<String> discounts) {

}
