package io.porterbench.demo.orders;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /orders}.
 *
 * @param customer the customer's e-mail address, where the confirmation goes
 * @param lines what is ordered, one line per product
 * @param coupon a coupon code, or {@code null}
 */
public record OrderRequest(@Nullable String customer, @Nullable List<OrderLine> lines, @Nullable String coupon) {

}
