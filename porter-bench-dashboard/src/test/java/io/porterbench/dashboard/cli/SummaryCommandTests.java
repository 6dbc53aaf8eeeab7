package io.porterbench.dashboard.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.porterbench.dashboard.TestRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryCommandTests {

	@TempDir
	Path folder;

	@BeforeEach
	void copyRun() {
		TestRuns.copyPythonRun(this.folder);
	}

	@Test
	void textShowsOneAlignedTablePerBenchmarker() {
		Cli.Result result = Cli.run("summary", "--path", this.folder.toString());
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("Run: " + TestRuns.PYTHON_RUN)
			.contains("etl (6 iterations in the DATA file)")
			.contains("alloc (3 iterations in the DATA file)")
			.containsPattern("step\\s+count\\s+mean\\s+min\\s+max\\s+q-filtered\\s+std\\s+p50\\s+p90\\s+p99")
			.containsPattern("extract\\s+-\\s+0\\.004055782\\s+0\\.003228521\\s+0\\.004519988\\s+0\\.004055782\\s+-");
	}

	@Test
	void csvHasAHeaderAndOneRowPerStepWithFullPrecision() {
		Cli.Result result = Cli.run("summary", "--path", this.folder.toString(), "--format", "csv");
		assertThat(result.status()).as(result.err()).isZero();
		String[] lines = result.out().split("\\R");
		assertThat(lines[0]).isEqualTo("bench,step,count,mean,min,max,quantile_filtered,std,p50,p90,p99");
		assertThat(lines).contains("etl,extract,,0.004055781833358196,0.003228521000096407,0.004519988000083686,"
				+ "0.004055781833358196,,,,");
		List<String> etl = Arrays.stream(lines).filter((line) -> line.startsWith("etl,")).toList();
		assertThat(etl.get(etl.size() - 1)).startsWith("etl,GLOBAL,");
	}

	@Test
	void jsonListsEveryBenchmarkerWithItsSteps() {
		Cli.Result result = Cli.run("summary", "--path", this.folder.toString(), "--format", "JSON");
		assertThat(result.status()).as(result.err()).isZero();
		JsonNode document = JsonMapper.builder().build().readTree(result.out());
		assertThat(document.get("run").asString()).isEqualTo(TestRuns.PYTHON_RUN);
		JsonNode etl = document.get("benches").get(1);
		assertThat(etl.get("name").asString()).isEqualTo("etl");
		assertThat(etl.get("iterations").asInt()).isEqualTo(6);
		assertThat(etl.get("steps").get(0).get("step").asString()).isEqualTo("extract");
		assertThat(etl.get("steps").get(0).get("mean").asDouble()).isEqualTo(0.004055781833358196);
		assertThat(etl.get("steps").get(0).get("std").isNull()).isTrue();
	}

	@Test
	void anUnknownFormatIsBadInput() {
		Cli.Result result = Cli.run("summary", "--path", this.folder.toString(), "--format", "xml");
		assertThat(result.status()).isEqualTo(2);
		assertThat(result.err()).contains("--format").contains("TEXT, JSON, CSV");
	}

}
