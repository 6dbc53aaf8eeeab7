#!/usr/bin/env bash
# What porter-bench adds to a Spring Boot application's startup (docs/performance-round-2.md, row 8):
# packages porter-bench's modules (jars, as an application gets them) and writes two class paths: porter-bench-benchmarks'
# test class path, which runs the check, and the class path of the application it measures (startup-app/pom.xml: a
# Boot web application with the actuator, porter-bench's starter and dashboard added after its web starter, in Maven's
# order). StartupCheck then starts that application in fresh JVMs with and without porter-bench, in pairs of
# alternating order.
# Usage, from anywhere: porter-bench-benchmarks/startup-check.sh [pairs, 9 by default]
# STARTUP_CHECK_OPTS holds options for StartupCheck's JVM, for instance -Dstartup.porterBenchFirst=true (porter-bench's
# jars first on the class path of the starts with it, as in an application that declares porter-bench before its web
# starter).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl porter-bench-benchmarks,porter-bench-benchmarks/startup-app -am package -DskipTests \
	dependency:build-classpath -Dmdep.outputFile=target/dependencies.classpath -Dmdep.includeScope=test
exec java ${STARTUP_CHECK_OPTS:-} -Dstartup.application=porter-bench-benchmarks/startup-app/target/dependencies.classpath \
	-cp "porter-bench-benchmarks/target/test-classes:$(cat porter-bench-benchmarks/target/dependencies.classpath)" \
	io.porterbench.benchmarks.startup.StartupCheck "$@"
