#!/usr/bin/env bash
# Copies botocore's AWS Transfer service model (service-2.json.gz, Apache-2.0, byte for byte) into the component.
# The API validates requests against it and the conformance tests check every response against it.
# Run after upgrading boto3/botocore, then run the tests: a failing ServiceModelConformanceTest shows what moved.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
botocore=$(python3 -c "import botocore,os;print(os.path.dirname(botocore.__file__))")
version=$(python3 -c "import botocore;print(botocore.__version__)")
source_file=$(ls "$botocore"/data/transfer/*/service-2.json*)
target="$here/src/main/resources/io/transferas2/api/transfer-service-2.json.gz"
case "$source_file" in
  *.gz) cp "$source_file" "$target" ;;
  *) gzip -9 -n -c "$source_file" > "$target" ;;
esac
cat > "$here/src/main/resources/io/transferas2/api/transfer-service-2.properties" <<PROPS
# provenance of transfer-service-2.json.gz, written by refresh-service-model.sh
botocore.version=$version
sha256=$(sha256sum "$target" | cut -d' ' -f1)
PROPS
echo "service model of botocore $version copied to $target"
