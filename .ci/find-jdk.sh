# Sourced by ./devstack and .ci/run. find_jdk MIN prints the home of a JDK whose major version is >= MIN:
# $JAVA_HOME first, then the java on PATH, then macOS's java_home, then the JDKs under /usr/lib/jvm, macOS's
# /Library/Java and other usual places (newest first).

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
    if [[ -x /usr/libexec/java_home ]] && candidate="$(/usr/libexec/java_home -v "$min+" 2> /dev/null)"; then
        candidates+=("$candidate")
    fi
    for candidate in $(ls -d /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/* /opt/jdk* \
        "$HOME"/.sdkman/candidates/java/* 2> /dev/null | sort -rV); do
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
