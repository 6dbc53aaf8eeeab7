#!/usr/bin/env bash
# Where the startup porter-bench adds goes (docs/performance-round-2.md, section 1i): packages the modules and writes
# the test class path like startup-check.sh, unpacks async-profiler (tools.profiler:async-profiler, linux-x64, from
# Maven Central: a development tool, not a dependency) into porter-bench-benchmarks/target/async-profiler, then runs
# StartupProfile, which starts the same web application with and without porter-bench in pairs of alternating order,
# each with the profiler sampling CPU time, and prints where the main thread's extra samples fall.
# Usage, from anywhere: porter-bench-benchmarks/startup-profile.sh [pairs, 10 by default]
# STARTUP_PROFILE_OPTS holds options for StartupProfile's JVM, for instance -Dstartup.baseline=FILE to compare with the
# class path written in FILE (another build's) instead of the class path without porter-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl porter-bench-benchmarks,porter-bench-benchmarks/startup-app -am package -DskipTests \
	dependency:build-classpath -Dmdep.outputFile=target/dependencies.classpath -Dmdep.includeScope=test
./mvnw -B -q -N dependency:unpack -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 \
	-DoutputDirectory=porter-bench-benchmarks/target/async-profiler
exec java -Dstartup.profiler=porter-bench-benchmarks/target/async-profiler/linux-x64/libasyncProfiler.so \
	${STARTUP_PROFILE_OPTS:-} \
	-Dstartup.application=porter-bench-benchmarks/startup-app/target/dependencies.classpath \
	-cp "porter-bench-benchmarks/target/test-classes:$(cat porter-bench-benchmarks/target/dependencies.classpath)" \
	io.porterbench.benchmarks.startup.StartupProfile "$@"
