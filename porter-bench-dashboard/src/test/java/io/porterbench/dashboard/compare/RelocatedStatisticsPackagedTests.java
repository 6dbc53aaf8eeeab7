package io.porterbench.dashboard.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library jar the package phase builds: Commons Statistics and the Commons Numbers
 * and RNG classes it uses are inside it, relocated under
 * {@code io.porterbench.dashboard.shaded.commons}, so that an application gets one jar
 * instead of thirteen, and the module's own classes call the relocated ones.
 */
class RelocatedStatisticsPackagedTests {

	private static final String SHADED = "io/porterbench/dashboard/shaded/commons/";

	@Test
	void theJarHoldsTheRankTestAndItsDependenciesRelocatedAndNothingUnderTheirOwnPackages() throws IOException {
		try (JarFile jar = new JarFile(libraryJar().toFile())) {
			List<String> names = jar.stream().map(JarEntry::getName).toList();
			assertThat(names).contains(SHADED + "statistics/inference/MannWhitneyUTest.class",
					SHADED + "statistics/distribution/NormalDistribution.class",
					SHADED + "statistics/ranking/NaturalRanking.class", SHADED + "numbers/gamma/Erfc.class",
					SHADED + "rng/sampling/distribution/ContinuousSampler.class");
			assertThat(names).noneMatch((name) -> name.startsWith("org/apache/commons/"));
			// a plain jar: the libraries' module descriptors for Java 9 and later are
			// left out
			assertThat(names).noneMatch((name) -> name.startsWith("META-INF/versions/"));
			assertThat(jar.isMultiRelease()).isFalse();
			assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/NOTICE")).readAllBytes(),
					StandardCharsets.UTF_8))
				.contains("Apache Commons Statistics", "Apache Commons Numbers", "Apache Commons RNG");
			assertThat(jar.getEntry("META-INF/LICENSE")).isNotNull();
		}
	}

	@Test
	void theModulesClassesCallTheRelocatedClasses() throws IOException {
		try (JarFile jar = new JarFile(libraryJar().toFile())) {
			byte[] analysis = jar
				.getInputStream(jar.getEntry("io/porterbench/dashboard/compare/RegressionAnalysis.class"))
				.readAllBytes();
			byte[] interval = jar.getInputStream(jar.getEntry("io/porterbench/dashboard/compare/ShiftInterval.class"))
				.readAllBytes();
			assertThat(latin1(analysis)).contains(SHADED + "statistics/inference/MannWhitneyUTest")
				.doesNotContain("org/apache/commons/statistics");
			assertThat(latin1(interval)).contains(SHADED + "statistics/distribution/NormalDistribution")
				.doesNotContain("org/apache/commons/statistics");
		}
	}

	private static String latin1(byte[] classFile) {
		return new String(classFile, StandardCharsets.ISO_8859_1);
	}

	private static Path libraryJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter((file) -> {
				String name = file.getFileName().toString();
				return name.startsWith("porter-bench-dashboard-") && name.endsWith(".jar")
						&& !name.endsWith("-exec.jar") && !name.endsWith("-sources.jar")
						&& !name.endsWith("-javadoc.jar");
			}).toList();
			assertThat(jars).as("the library jar in target").hasSize(1);
			return jars.get(0);
		}
	}

}
