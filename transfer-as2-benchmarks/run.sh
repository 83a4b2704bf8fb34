#!/usr/bin/env bash
# The benchmark command: builds the module and its reactor dependencies (tests skipped), then runs the orchestrator,
# which starts one server JVM and one client JVM per variant and writes target/benchmarks/<timestamp>/results.md.
#   transfer-as2-benchmarks/run.sh                  # everything (about 25 minutes on 2 cores)
#   transfer-as2-benchmarks/run.sh --smoke          # under a minute, proves the harness works
#   transfer-as2-benchmarks/run.sh --variants ours,camel-noexpect --skip large --large-10g ...
#   transfer-as2-benchmarks/run.sh --render transfer-as2-benchmarks/target/benchmarks/<time>   # tables again
# Options: see BenchOptions (or BENCHMARKS.md). Set BENCH_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
module=transfer-as2-benchmarks
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  # one reactor build, so the classpath points at this checkout's modules (never at SNAPSHOTs in ~/.m2)
  mvn -q -B -ntp -pl "$module" -am package dependency:build-classpath -DskipTests \
      -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime
fi
cp="$module/target/classes:$(cat "$module/target/bench.cp")"
jvm=(java -Xms512m -Xmx512m -XX:+UseG1GC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp")
if [[ "${1:-}" == --render ]]; then
  # tables again from an earlier run's results.json: run.sh --render <results directory>
  exec "${jvm[@]}" io.transferas2.bench.BenchMain --render "$2"
fi
exec "${jvm[@]}" io.transferas2.bench.BenchMain --out "$module/target/benchmarks/$(date +%Y%m%d-%H%M%S)" "$@"
