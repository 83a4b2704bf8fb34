#!/usr/bin/env bash
# The cluster example: MYCOMPANY as two stateless nodes (separate JVMs) sharing one PostgreSQL (embedded binaries,
# started here, nothing installed) and one S3 server, trading with PARTNER. It sends files both ways through either
# node, kills node-1 with kill -9 while it sends, and shows node-2 completing its transfers. Needs JDK 17+, Maven 3.8+.
#
#   examples/cluster/run.sh
#
# Logs and data: examples/cluster/data (node logs: data/node-*/run-*.log). See docs/cluster.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/../.." && pwd -P)"
mvn="${MVN:-mvn}"

echo "cluster: building the component and the route pack (first run: a few minutes)"
"$mvn" -B -q -f "$root/pom.xml" -pl routes -am install -DskipTests -DskipPitest -DskipFuzz=true
"$mvn" -B -q -f "$root/routes/pom.xml" test-compile
exec "$mvn" -B -q -f "$root/routes/pom.xml" exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
    -Dexec.args="-Xmx512m -Dtransferas2.routes.dir=$root/routes -cp %classpath io.transferas2.routes.ClusterDemo $here/data"
