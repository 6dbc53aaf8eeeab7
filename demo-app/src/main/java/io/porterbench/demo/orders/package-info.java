/**
 * The order pipeline: {@code POST /orders} is one iteration of the {@code orders}
 * benchmarker, and the services it calls (validate, price, persist, notify) are its
 * steps, by annotation only.
 */
package io.porterbench.demo.orders;
