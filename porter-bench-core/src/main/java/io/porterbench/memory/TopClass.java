package io.porterbench.memory;

/**
 * A class and the heap bytes held by its live instances, one row of a class histogram.
 *
 * @param name the class name in source form ({@code byte[]}, {@code java.lang.String})
 * @param bytes the shallow bytes of all its instances
 */
public record TopClass(String name, long bytes) {
}
