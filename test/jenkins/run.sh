#!/usr/bin/env bash
# Runs the Groovy tests of the Jenkins shim under Debian's groovy 2.4.
#   bash test/jenkins/run.sh            all tests
#   bash test/jenkins/run.sh Credential only tests whose Class.method contains "Credential"
#   bash test/jenkins/run.sh --jenkinsfile <Jenkinsfile> <workspace> <build.json> <result.json>
#                                       one build of a Jenkinsfile (see run-jenkinsfile.groovy)
# Needs groovy (bash scripts/provision/groovy.sh) and node.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if ! command -v groovy >/dev/null 2>&1; then
  echo "test/jenkins/run.sh: groovy not found; run: bash scripts/provision/groovy.sh" >&2
  exit 2
fi

# Debian's groovy 2.4 starts from JAVA_HOME, defaulting to /usr/lib/jvm/default-java, which is
# missing when Java came without default-jre; and 2.4 is only known to work up to Java 17.
for candidate in /usr/lib/jvm/java-17-openjdk-*; do
  if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
done

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  java_bin="$(readlink -f "$(command -v java)")" && export JAVA_HOME="${java_bin%/bin/java}"
fi

cd "$ROOT"
if [ "${1:-}" = --jenkinsfile ]; then
  shift
  exec groovy -cp "test/jenkins:test/jenkins/stubs:jenkins-lib/src" test/jenkins/run-jenkinsfile.groovy "$@"
fi
exec groovy -cp "test/jenkins:test/jenkins/stubs:jenkins-lib/src" test/jenkins/run-tests.groovy "$@"
