#!/usr/bin/env bash
# A large upload through the packaged dataset-service (its own JVM, -Xmx256m, SerialGC), streamed from a generator:
# prints and appends to target/large-upload.txt the size, examples, wall time, MB/s and the service's peak RSS
# (VmHWM from /proc/<pid>/status), and fails if the upload is not validated and stored or the RSS reaches 512 MB.
#
#   dataset-service/bench-upload.sh [MB] [gzip]       MB: 300 (default); add "gzip" to send it gzip-compressed
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MB="${1:-300}"
GZIP=false
[ "${2:-}" = "gzip" ] && GZIP=true
cd "$HERE/.."
./mvnw -o -q -pl dataset-service -am verify -DskipITs=false -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=LargeUploadIT -Dfailsafe.failIfNoSpecifiedTests=false -Dtuneforge.large-upload.mb="$MB" -Dtuneforge.large-upload.gzip="$GZIP"
tail -1 "$HERE/target/large-upload.txt"
