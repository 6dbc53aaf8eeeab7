package io.porterbench.demo.orders;

/**
 * One line of an order: a product and how many of it.
 *
 * @param sku the product's stock-keeping unit, for example {@code BEN-001}
 * @param quantity how many, 1 to 99
 */
public record OrderLine(String sku, int quantity) {

}
