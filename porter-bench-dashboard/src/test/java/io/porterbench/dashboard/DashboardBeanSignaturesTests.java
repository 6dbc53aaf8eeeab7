package io.porterbench.dashboard;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The types of the dashboard's beans name, in their declared methods, none of the records
 * and charts of the API's answers: Spring reads the declared methods of every bean's type
 * at startup, lazy beans included, which loads every type they name (and, when it
 * verifies the class, the types its code needs), so these stay unloaded until the
 * dashboard's first request.
 */
class DashboardBeanSignaturesTests {

	private static final List<Class<?>> BEAN_TYPES = List.of(RunCatalog.class, LiveSummaries.class,
			DashboardHandler.class, DashboardPage.class, LazyDashboardRoutes.class);

	@Test
	void theDashboardsBeansNameOnlyTheirOwnTypesAndTheDocumentsTheirPublicMethodsReturn() {
		assertThat(porterBenchTypesNamed(BEAN_TYPES)).containsExactly("io.porterbench.dashboard.DashboardJson$Live",
				"io.porterbench.dashboard.LoadedRun", "io.porterbench.dashboard.RunEntry");
	}

	@Test
	void theHandlerNamesOnlyTheRequestTheResponseAndTheStatus() {
		assertThat(typesNamed(DashboardHandler.class)).containsExactly("java.lang.String",
				"org.springframework.http.HttpStatus", "org.springframework.web.servlet.function.ServerRequest",
				"org.springframework.web.servlet.function.ServerResponse");
	}

	private static Set<String> porterBenchTypesNamed(List<Class<?>> types) {
		Set<String> named = new TreeSet<>();
		for (Class<?> type : types) {
			typesNamed(type).stream()
				.filter((name) -> name.startsWith("io.porterbench."))
				.filter((name) -> !BEAN_TYPES.stream().map(Class::getName).toList().contains(name))
				.forEach(named::add);
		}
		return named;
	}

	private static Set<String> typesNamed(Class<?> type) {
		Set<String> named = new TreeSet<>();
		for (Method method : type.getDeclaredMethods()) {
			if (method.getName().startsWith("$jacoco")) {
				// added by the coverage agent when it runs
				continue;
			}
			List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
			types.add(method.getReturnType());
			types.addAll(List.of(method.getExceptionTypes()));
			for (Class<?> element : types) {
				while (element.isArray()) {
					element = element.getComponentType();
				}
				if (!element.isPrimitive()) {
					named.add(element.getName());
				}
			}
		}
		return named;
	}

}
