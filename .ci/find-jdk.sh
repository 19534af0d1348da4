# Sourced by ./devstack and .ci/run. find_jdk MIN prints the home of a JDK whose major version is >= MIN:
# $JAVA_HOME first, then the java on PATH, then the JDKs under /usr/lib/jvm and other usual places (newest first).

jdk_major() {
    local version
    version="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
    echo "${version%%.*}"
}

find_jdk() {
    local min="$1" candidate major
    local candidates=()
    [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
    if command -v java > /dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* 2> /dev/null | sort -rV); do
        candidates+=("$candidate")
    done
    for candidate in "${candidates[@]}"; do
        if [[ -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]]; then
            major="$(jdk_major "$candidate")"
            if [[ "$major" =~ ^[0-9]+$ ]] && ((major >= min)); then
                echo "$candidate"
                return 0
            fi
        fi
    done
    return 1
}
