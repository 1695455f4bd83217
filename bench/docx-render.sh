#!/bin/sh
# Renders a monthly report as the application exports it, to check the .docx opens and lays out correctly
# (issue 7): ReportDocxSample drafts, fills in and approves a report on the demonstration data and writes
# target/docx-render/monthly-report.docx; LibreOffice converts it to PDF; pdftoppm renders every page to PNG.
# Needs LibreOffice Writer and poppler-utils (apt-get install libreoffice-writer-nogui poppler-utils), which the
# normal build and CI do not. Usage: bench/docx-render.sh [dpi]   Output: target/docx-render/page-N.png
set -e
cd "$(dirname "$0")/.."
out=target/docx-render
rm -rf "$out"
./mvnw -B -o -q test -Dtest=ReportDocxSample -Dsurefire.failIfNoSpecifiedTests=false -Dduban.reporting.warm-up=false
# A profile of its own, so a running LibreOffice of the user is neither used nor disturbed; the fontconfig file
# maps the standard's fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) to the Noto CJK faces.
FONTCONFIG_FILE="$PWD/bench/fontconfig-gbt9704.conf" soffice -env:UserInstallation="file://$PWD/$out/lo-profile" --headless --convert-to pdf --outdir "$out" \
    "$out/monthly-report.docx" >/dev/null
pdfinfo "$out/monthly-report.pdf" | grep -E '^(Pages|Page size)'
pdffonts "$out/monthly-report.pdf"
pdftoppm -r "${1:-80}" -png "$out/monthly-report.pdf" "$out/page"
ls "$out"/page-*.png
