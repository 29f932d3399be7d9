#!/bin/sh
# Rebuilds the web pages' bundle that ferret serve embeds (src/Ferret.Server/Web/Assets), from web/src:
# Preact and htm from npm, bundled and minified with esbuild. The output is committed so a build of the server
# needs neither npm nor a network; run this after changing web/src or package.json and commit the result.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
out=../src/Ferret.Server/Web/Assets
mkdir -p "$out"
banner="/*! Ferret web pages. Bundles Preact $(node -p "require('./node_modules/preact/package.json').version") (MIT License, Copyright (c) 2015-present Jason Miller) and htm $(node -p "require('./node_modules/htm/package.json').version") (Apache License 2.0, by Jason Miller). */"
./node_modules/.bin/esbuild src/app.js --bundle --banner:js="$banner" --minify --format=esm --target=es2020 --legal-comments=eof --outfile="$out/app.js"
./node_modules/.bin/esbuild src/styles.css --bundle --minify --outfile="$out/app.css"
echo "web bundle: $(wc -c < "$out/app.js") bytes of script, $(wc -c < "$out/app.css") bytes of style"
