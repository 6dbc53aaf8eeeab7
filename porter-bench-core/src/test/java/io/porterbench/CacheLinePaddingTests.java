package io.porterbench;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import sun.misc.Unsafe;

import io.porterbench.internal.CacheLinePadding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the JVM puts the fields of the objects that one thread writes on every step or
 * close: after {@link CacheLinePadding}'s padding, so that no field lies within two cache
 * lines of whatever precedes the object in memory.
 */
class CacheLinePaddingTests {

	private static final Unsafe UNSAFE = unsafe();

	/** The two cache lines a core's prefetcher fetches together. */
	private static final long LINE_PAIR = 128;

	@Test
	void theOpenIterationsFieldsComeAfterTwoCacheLinesOfPadding() {
		assertThat(firstOwnFieldOffset(ThreadIteration.class)).isGreaterThanOrEqualTo(paddingEnd());
	}

	@Test
	void aStripesFieldsHaveTwoCacheLinesOfPaddingOnEachSide() throws Exception {
		Class<?> fields = Class.forName(IterationStore.class.getName() + "$StripeFields");
		Class<?> stripe = Class.forName(IterationStore.class.getName() + "$Stripe");
		assertThat(firstOwnFieldOffset(fields)).isGreaterThanOrEqualTo(paddingEnd());
		long lastField = instanceFields(fields).mapToLong(UNSAFE::objectFieldOffset).max().orElseThrow();
		List<Long> trailing = instanceFields(stripe).map(UNSAFE::objectFieldOffset).sorted().toList();
		assertThat(trailing.get(0)).isGreaterThan(lastField);
		assertThat(trailing.get(trailing.size() - 1) + Long.BYTES - trailing.get(0)).isGreaterThanOrEqualTo(LINE_PAIR);
	}

	@Test
	void thePaddingIsTwoCacheLinesLongAndLeavesNoGapBeforeIt() {
		List<Long> offsets = instanceFields(CacheLinePadding.class).map(UNSAFE::objectFieldOffset).sorted().toList();
		long paddingStart = offsets.get(0);
		// nothing but the object's header before the padding: a subclass's field placed
		// in a gap there would sit next to the object before it
		assertThat(paddingStart).isLessThanOrEqualTo(UNSAFE.objectFieldOffset(firstField(Header.class)));
		assertThat(paddingEnd() - paddingStart).isGreaterThanOrEqualTo(LINE_PAIR);
	}

	private static long paddingEnd() {
		return instanceFields(CacheLinePadding.class).mapToLong(UNSAFE::objectFieldOffset).max().orElseThrow()
				+ Long.BYTES;
	}

	private static long firstOwnFieldOffset(Class<?> type) {
		return instanceFields(type).mapToLong(UNSAFE::objectFieldOffset).min().orElseThrow();
	}

	private static Field firstField(Class<?> type) {
		return instanceFields(type).findFirst().orElseThrow();
	}

	private static Stream<Field> instanceFields(Class<?> type) {
		return Arrays.stream(type.getDeclaredFields()).filter((field) -> !Modifier.isStatic(field.getModifiers()));
	}

	private static Unsafe unsafe() {
		try {
			Field field = Unsafe.class.getDeclaredField("theUnsafe");
			field.setAccessible(true);
			return (Unsafe) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The smallest object with a field: where a first field goes, right after a header.
	 */
	@SuppressWarnings("unused")
	private static final class Header {

		private int first;

	}

}
