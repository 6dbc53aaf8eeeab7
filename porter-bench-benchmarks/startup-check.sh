#!/usr/bin/env bash
# What porter-bench adds to a Spring Boot application's startup (docs/performance-round-2.md, row 8):
# packages porter-bench's modules (jars, as an application gets them: class folders would cost every class lookup
# a file system call) and writes porter-bench-benchmarks' test class path, then runs StartupCheck, which starts the
# same web application in fresh JVMs with and without porter-bench, in pairs of alternating order.
# Usage, from anywhere: porter-bench-benchmarks/startup-check.sh [pairs, 9 by default]
# STARTUP_CHECK_OPTS holds options for StartupCheck's JVM, for instance -Dstartup.porterBenchLast=true (porter-bench's
# jars last on the class path of the starts with it, as in an application that declares porter-bench after its web
# starter).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl porter-bench-benchmarks -am package -DskipTests dependency:build-classpath \
	-Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
exec java ${STARTUP_CHECK_OPTS:-} -cp "porter-bench-benchmarks/target/test-classes:$(cat porter-bench-benchmarks/target/test.classpath)" \
	io.porterbench.benchmarks.startup.StartupCheck "$@"
