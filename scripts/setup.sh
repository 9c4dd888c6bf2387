#!/usr/bin/env bash
# System packages Gloss needs on Debian/Ubuntu, for building, for the headless UI tests, and
# for running the window under a virtual display. Safe to run twice.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
need=()
# Build: a C compiler and pkg-config for the few crates that build C.
command -v cc >/dev/null 2>&1 || need+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
# Running the window: X11/Wayland client libraries, Mesa (OpenGL in software if no GPU),
# fonts with wide script coverage, and Xvfb for a virtual display on headless machines.
for p in libx11-6 libx11-xcb1 libxcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon0 \
         libxkbcommon-x11-0 libwayland-client0 libgl1 libegl1 libegl-mesa0 libgl1-mesa-dri \
         libdbus-1-3 xvfb xauth fonts-noto-core; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
