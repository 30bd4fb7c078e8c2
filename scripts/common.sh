# Shared by the set-up scripts: Debian packages and the CMake build.

HY_BUILD_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libssl-dev)
HY_TEST_PACKAGES=(libqt6sql6-psql libqt6sql6-mysql postgresql mariadb-server clang qt6-declarative-dev)

# Installs the Debian packages that are not installed yet.
hy_install_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# hy_build <build dir> [cmake options...]
hy_build() {
    local dir=$1; shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHYSTERIAQT_WERROR=ON "$@"
    cmake --build "$dir" --parallel "$(nproc)"
}
