#!/bin/sh
# Refreshes the third-party browser libraries the web page serves, under server/src/main/resources/static/vendor/,
# from the exact versions pinned in package.json and package-lock.json. Needs Node.js and npm — only here: the
# server serves the copied files and never needs Node. Run it after changing a version, then commit vendor/.
#
#   sh server/frontend/refresh-vendor.sh
set -eu
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
out=../src/main/resources/static/vendor
rm -rf "$out"
mkdir -p "$out/echarts" "$out/yasgui"

# Apache ECharts: the ES module build (the page imports it), with its licence and notice
cp node_modules/echarts/dist/echarts.esm.min.js node_modules/echarts/LICENSE node_modules/echarts/NOTICE "$out/echarts/"
# YASGUI (Zazuko's maintained fork): the self-contained build, loaded when the editor opens, and its styles
cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css "$out/yasgui/"
printf '%s\n' "@zazuko/yasgui — MIT licence — https://github.com/zazuko/Yasgui (bundles Yasqe, Yasr, CodeMirror 5," \
  "DataTables, jQuery and other MIT/BSD libraries; see the package's dependencies)" > "$out/yasgui/LICENSE.txt"

# what was copied, from which version, for reviewers
node -e '
const lock = require("./package-lock.json").packages;
for (const name of ["echarts", "@zazuko/yasgui"]) console.log(name + " " + lock["node_modules/" + name].version);
' > "$out/VERSIONS.txt"
cat "$out/VERSIONS.txt"
