#!/usr/bin/env bash
# End-to-end test of AI4C Desktop under Xvfb on a 1366x768 screen, run by `mvn verify` (exec plugin,
# integration-test phase). With a fresh user folder it starts the built application and checks:
#  1. the main window is titled "AI4C Desktop <version>" and shows the start page;
#  2. every operator dialog opens from the menu bar (keyboard: F10, arrows, Enter) and fits the
#     screen with its Run button on it (bounds from the dialog's component trace, pixels from a
#     screenshot);
#  3. in S1-GRD-preprocess the speckle parameters follow the filter: choosing Frost enables the
#     damping factor and disables the Lee Sigma parameters;
#  4. File > Open Product... opens the GDAL-made UTM GeoTIFF in the Products window, which lists its
#     bands; a double-click on the band opens its quick-look;
#  4b. Window > World View shows its footprint; a rectangle drawn there with Warp's Draw... lands in
#     Warp's area-of-interest field (world-view-e2e.sh);
#  5. Raster > Geometric > Warp: Run is disabled until the source and target folder are given, then
#     runs on the GeoTIFF and writes a WGS84 GeoTIFF holding the input's values (checked with gdalinfo),
#     which appears in the Products window.
#  6. the air-quality module is turned on and its view opens from Raster > AI4Copernicus > Air Quality.
#  7. File > Open Demo Data makes and opens the demo GeoTIFF and Sentinel-1 GRD; in the quick-look of a
#     band, the pixel info under the mouse (column/row, lat/lon, value) matches gdaltransform and
#     gdallocationinfo; the GRD's context menu Run > S1-GRD-preprocess opens the dialog with the product
#     chosen, and its output appears in the Products window.
# Screenshots go to target/e2e/ (start page, each dialog, the Frost state, the Products window, the
# band's quick-look, the finished run).
# Positions come from the trace the application writes with -J-Deu.ai4c.desktop.ui.level=FINE
# ("ui <alias> <component> x y w h enabled|disabled", "ui menu <alias> <menu indices>", "ui action
# <name> <menu indices>", "ui chooser filename x y w h", "ui products row.<i> x y w h <text>"), so a
# change of layout does not break the clicks. Fails (exit 1) with the step that failed.
set -uo pipefail
app_dir="$1"
out="$2"
screen_w=1366
screen_h=768
mkdir -p "$out"
for tool in Xvfb xdotool xwd convert gdalinfo gdal_create; do
  command -v "$tool" >/dev/null || { echo "desktop e2e: $tool is missing (apt-get install xvfb xdotool x11-apps imagemagick gdal-bin)"; exit 1; }
done
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 ${screen_w}x${screen_h}x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null
  sleep 1
  pkill -f "userdir $out/userdir" 2>/dev/null
  kill "$xvfb" 2>/dev/null
}
trap cleanup EXIT
export DISPLAY="$display"
log="$out/app.log"
shot() { xwd -root -silent | convert xwd:- "$out/$1.png"; }
fail() { shot failure; echo "desktop e2e FAILED: $1 (screenshot $out/failure.png, log $log)"; exit 1; }
# where the X server has a top-level window of size $1 x $2 ("x y"; empty when none is placed off 0,0)
placed() {
  xwininfo -root -tree | grep -oE " $1x$2\+[-0-9]+\+[-0-9]+ +\+[-0-9]+\+[-0-9]+" \
    | sed -E 's/.* \+([-0-9]+)\+([-0-9]+)$/\1 \2/' | grep -v '^0 0$' | head -1
}
# last traced bounds of a component: "x y w h state". Without a window manager Java may trace a
# dialog at 0,0 before the X server has placed it (and trace no move after): then the positions
# are taken relative to where the X server shows the dialog's window.
bounds() {
  local line x y w h st dx dy dw dh ax ay
  line=$(grep -a "ui $1 $2 " "$log" | tail -1 | sed "s/.*ui $1 $2 //")
  read -r dx dy dw dh _ <<<"$(grep -a "ui $1 dialog " "$log" | tail -1 | sed "s/.*ui $1 dialog //")"
  if [ "${dx:-1}" = 0 ] && [ "${dy:-1}" = 0 ]; then
    read -r ax ay <<<"$(placed "$dw" "$dh")"
    read -r x y w h st <<<"$line"
    if [ -n "$ax" ] && [ "$x" != hidden ]; then line="$((x + ax)) $((y + ay)) $w $h $st"; fi
  fi
  echo "$line"
}
centre() { read -r x y w h _ <<<"$(bounds "$1" "$2")"; echo "$((x + w / 2)) $((y + h / 2))"; }
click() { read -r cx cy <<<"$(centre "$1" "$2")"; xdotool mousemove "$cx" "$cy" click 1; }
# waits until the trace has more than $2 lines about $1 and the last burst is complete
wait_trace() { for _ in $(seq 1 $((4 * ${3:-30}))); do [ "$(grep -ac "ui $1 " "$log")" -gt "$2" ] && { sleep 0.7; return 0; }; sleep 0.25; done; return 1; }
count() { grep -ac "ui $1 " "$log"; }
sleep 2

work="$out/data"
rm -rf "$work" "$out/userdir"
mkdir -p "$work/result"
gdal_create -q -of GTiff -outsize 200 150 -bands 1 -burn 1234 -ot UInt16 -a_srs EPSG:32633 \
  -a_ullr 500000 5300000 502000 5298500 "$work/scene.tif" || fail "cannot make the input GeoTIFF"

"$app_dir/bin/ai4cdesktop" --userdir "$out/userdir" --nosplash -J-Deu.ai4c.desktop.ui.level=FINE >"$log" 2>&1 &
app=$!
# the menu trace is written when the main window shows
for _ in $(seq 1 150); do
  grep -aq "ui menu " "$log" 2>/dev/null && break
  kill -0 "$app" 2>/dev/null || fail "AI4C Desktop exited during start-up"
  sleep 1
done
grep -aq "ui menu " "$log" || fail "no menu trace: the AI4C desktop module was not enabled or the main window did not show"
sleep 5
shot 1-start-page
messages="$out/userdir/var/log/messages.log"
grep -aq "eu.ai4c.aq.ui \[" "$messages" || fail "the air-quality module eu.ai4c.aq.ui was not turned on (see $messages)"

# 1. identity and start page
main=$(xdotool search --name "^AI4C Desktop [0-9]" | head -1)
[ -n "$main" ] || fail "no main window titled \"AI4C Desktop <version>\" ($(xdotool search --name . getwindowname %@ 2>/dev/null | sort -u | tr '\n' '|'))"
echo "desktop e2e: main window \"$(xdotool getwindowname "$main")\""
read -r _ main_x main_y <<<"$(xdotool getwindowgeometry "$main" | awk '/Position/ {split($2, p, ","); print "x", p[1], p[2]}')"
convert "$out/1-start-page.png" -crop 600x60+$((main_x + 20))+$((main_y + 90)) -colorspace gray -format "%[fx:standard_deviation]" info: >"$out/start-text.txt"
awk '{ exit !($1 > 0.02) }' "$out/start-text.txt" || fail "the start page shows no text where its title should be"

open_menu() { # $1: menu indices "top.item.subitem..."
  local -a idx
  IFS=. read -ra idx <<<"$1"
  # a click on the free part of the menu bar gives the main window the keyboard
  xdotool mousemove $((main_x + 640)) $((main_y + 9)) click 1; sleep 0.2
  xdotool key F10; sleep 0.4
  for _ in $(seq 1 "${idx[0]}"); do xdotool key Right; sleep 0.1; done
  xdotool key Down; sleep 0.2
  for _ in $(seq 1 "${idx[1]}"); do xdotool key Down; sleep 0.1; done
  for i in "${idx[@]:2}"; do
    xdotool key Right; sleep 0.4
    for _ in $(seq 1 "$i"); do xdotool key Down; sleep 0.1; done
  done
  xdotool key Return
}
close_dialog() { # $1: alias
  click "$1" cancel
  for _ in $(seq 1 40); do xdotool search --name "($1)\$" >/dev/null 2>&1 || return 0; sleep 0.25; done
  return 1
}

# 2. every operator dialog from the menu, fitting the screen
grep -a "ui menu " "$log" | sed 's/.*ui menu //' | awk '!seen[$1]++' >"$out/menu.txt"
opened=0
while read -r alias path _; do
  before=$(count "$alias")
  open_menu "$path"
  wait_trace "$alias" "$before" 40 || fail "menu $path did not open the dialog of $alias"
  # the window system may place the dialog (and paint it) after it was first traced: take the
  # bounds and the screenshot again for a few seconds until the Run button is drawn where traced
  for _ in $(seq 1 12); do
    read -r dx dy dw dh _ <<<"$(bounds "$alias" dialog)"
    read -r rx ry rw rh rstate <<<"$(bounds "$alias" run)"
    [ -n "$rx" ] || fail "$alias: no Run button traced"
    shot "dialog-$alias"
    sd=$(convert "$out/dialog-$alias.png" -crop ${rw}x${rh}+${rx}+${ry} -colorspace gray -format "%[fx:standard_deviation]" info:)
    awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' && break
    sleep 0.5
  done
  [ "$dx" -ge 0 ] && [ "$dy" -ge 0 ] && [ $((dx + dw)) -le $screen_w ] && [ $((dy + dh)) -le $screen_h ] \
    || fail "$alias: dialog at $dx,$dy size ${dw}x$dh does not fit the ${screen_w}x$screen_h screen"
  [ "$rx" -ge "$dx" ] && [ "$ry" -ge "$dy" ] && [ $((rx + rw)) -le $((dx + dw)) ] && [ $((ry + rh)) -le $((dy + dh)) ] \
    || fail "$alias: Run button at $rx,$ry (${rw}x$rh) lies outside its dialog $dx,$dy ${dw}x$dh"
  awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' || fail "$alias: nothing drawn where the Run button should be (std dev $sd)"
  echo "desktop e2e: $alias from menu $path: dialog ${dw}x$dh at $dx,$dy, Run at $rx,$ry ($rstate)"
  close_dialog "$alias" || fail "$alias: Cancel did not close the dialog"
  opened=$((opened + 1))
done <"$out/menu.txt"
[ "$opened" -ge 10 ] || fail "only $opened operator dialogs found in the menus"

# 3. S1-GRD-preprocess: speckle parameters follow the filter
grd=S1-GRD-preprocess
path=$(awk -v a=$grd '$1 == a { print $2 }' "$out/menu.txt")
before=$(count $grd); open_menu "$path"; wait_trace $grd "$before" 40 || fail "$grd dialog did not open again"
before=$(count $grd); click $grd tab.1; wait_trace $grd "$before" || fail "$grd: Processing Parameters tab not shown"
state() { bounds $grd "param.$1" | awk '{ print $NF }'; }
[ "$(state sigmaStr)" = enabled ] && [ "$(state dampingFactor)" = disabled ] \
  || fail "$grd with Lee Sigma: sigmaStr $(state sigmaStr), dampingFactor $(state dampingFactor) (expected enabled, disabled)"
before=$(count $grd)
click $grd param.speckle; sleep 1; xdotool type "Frost"; sleep 0.5; xdotool key Return
wait_trace $grd "$before" || fail "$grd: choosing Frost changed nothing"
sleep 1
[ "$(state dampingFactor)" = enabled ] && [ "$(state sigmaStr)" = disabled ] && [ "$(state windowSize)" = disabled ] \
  || fail "$grd with Frost: dampingFactor $(state dampingFactor), sigmaStr $(state sigmaStr), windowSize $(state windowSize) (expected enabled, disabled, disabled)"
shot 2-speckle-frost
echo "desktop e2e: $grd speckle parameters follow the filter (Frost: damping enabled, Lee Sigma window disabled)"
close_dialog $grd || fail "$grd: Cancel did not close the dialog"

# 4. File > Open Product... opens the GeoTIFF in the Products window, which shows its bands
open_path=$(grep -a "ui action OpenProduct " "$log" | tail -1 | sed 's/.*ui action OpenProduct //' | awk '{ print $1 }')
[ -n "$open_path" ] || fail "no File > Open Product... entry traced"
product_opened() { grep -a "ui products opened scene " "$log" | tail -1; }
for attempt in 1 2 3; do
  before=$(count chooser)
  open_menu "$open_path"
  wait_trace chooser "$before" 20 || { echo "desktop e2e: no Open Product chooser after attempt $attempt" >&2; continue; }
  sleep 1  # the chooser lists the folder
  # the file name field, as traced when the chooser opened (without a window manager the dialog
  # may not have the keyboard until clicked)
  read -r fx fy fw fh <<<"$(grep -a "ui chooser filename " "$log" | tail -1 | sed 's/.*ui chooser filename //')"
  xdotool mousemove $((fx + fw / 2)) $((fy + fh / 2)) click 1; sleep 0.5
  xdotool type --delay 5 "$work/scene.tif"; sleep 0.5
  shot 3-open-product
  xdotool key Return
  for _ in $(seq 1 60); do [ -n "$(product_opened)" ] && break 2; sleep 0.5; done
  echo "desktop e2e: the product did not open after attempt $attempt" >&2
  xdotool search --name "^Open Product\$" >/dev/null 2>&1 && { xdotool mousemove $((fx + fw / 2)) $((fy + fh / 2)) click 1; xdotool key Escape; }
  sleep 1
done
opened_line=$(product_opened)
[ -n "$opened_line" ] || fail "File > Open Product... did not open $work/scene.tif"
bands=$(echo "$opened_line" | awk '{ print $NF }')
sleep 1.5  # the window traces its rows after the change
band_row() { grep -a "ui products row\.[0-9]* .* $1\$" "$log" | tail -1 | sed 's/.*ui products row\.[0-9]* //'; }
for b in ${bands//,/ }; do
  [ -n "$(band_row "$b")" ] || fail "the Products window does not show band $b of scene.tif"
done
shot 3-products
first_band=${bands%%,*}
read -r bx by bw bh _ <<<"$(band_row "$first_band")"
xdotool mousemove $((bx + bw / 2)) $((by + bh / 2)) click --repeat 2 --delay 120 1
for _ in $(seq 1 40); do grep -aq "ui quicklook opened scene.tif band 0" "$log" && break; sleep 0.25; done
grep -aq "ui quicklook opened scene.tif band 0" "$log" || fail "a double-click on band $first_band did not open its quick-look"
sleep 3
shot 3-band-quicklook
echo "desktop e2e: Products window shows scene.tif with bands $bands; double-click opened the quick-look of $first_band"

# 4b. World View: the footprint of scene.tif, and an area of interest drawn there for Warp's dialog
. "$(dirname "${BASH_SOURCE[0]}")/world-view-e2e.sh"

# 5. Warp: Run disabled until the inputs are given, then it runs and writes a WGS84 GeoTIFF
path=$(awk '$1 == "Warp" { print $2 }' "$out/menu.txt")
before=$(count Warp); open_menu "$path"; wait_trace Warp "$before" 40 || fail "Warp dialog did not open"
sleep 2  # let the placement trace settle
run_state() { bounds Warp run | awk '{ print $NF }'; }
[ "$(run_state)" = disabled ] || fail "Warp: Run is $(run_state) before the source and target folder are given"
click Warp source.input; sleep 0.5; xdotool key ctrl+a; xdotool type --delay 5 "$work/scene.tif"
sleep 3  # the dialog opens the source to validate it; on a busy machine that takes a moment
[ "$(run_state)" = disabled ] || fail "Warp: Run is $(run_state) with a source but no target folder"
run_enabled=no
# on a loaded machine a click can land while the dialog is still busy and be lost, so an attempt
# without output after 40 s is repeated (at most 3 times)
for attempt in 1 2 3; do
  click Warp target.folder; sleep 0.5; xdotool key ctrl+a; xdotool type --delay 5 "$work/result"
  sleep 2
  shot 3-filled
  [ "$(run_state)" = enabled ] && run_enabled=yes
  click Warp run
  for _ in $(seq 1 40); do
    ls "$work/result/"*.tif >/dev/null 2>&1 && break 2  # written under a hidden name, renamed when whole
    sleep 1
  done
  echo "desktop e2e: no output after attempt $attempt, filling the target folder again" >&2
done
sleep 3
shot 4-done
result=$(ls "$work/result/"*.tif 2>/dev/null | head -1)
[ -n "$result" ] || fail "no output GeoTIFF in $work/result after Run"
[ "$run_enabled" = yes ] || fail "Warp: Run was not traced enabled once the source and target folder were given"
echo "desktop e2e: Warp Run disabled without source and target folder, enabled with them"
# the run's output joins the Products window as the second product named scene
for _ in $(seq 1 40); do grep -aq "ui products row\.[0-9]* .* \[2\] scene\$" "$log" && break; sleep 0.5; done
grep -aq "ui products row\.[0-9]* .* \[2\] scene\$" "$log" || fail "the output of Warp did not appear in the Products window"
echo "desktop e2e: the output of Warp appeared in the Products window"
gdalinfo "$result" | grep -q 'GEOGCRS\["WGS 84"' || fail "the output is not a WGS84 GeoTIFF: $(gdalinfo "$result" | head -5)"
gdalinfo -stats "$result" | grep -q "STATISTICS_MAXIMUM=1234" || fail "the output does not hold the input's values"

# 6. Raster > AI4Copernicus > Air Quality > Air Quality Viewer... (after the aqgan operators) opens its view
aq_first=$(awk '$1 == "aqgan-generate" { print $2 }' "$out/menu.txt")
aq_items=$(awk -v p="${aq_first%.*}." 'index($2, p) == 1' "$out/menu.txt" | wc -l)
[ -n "$aq_first" ] || fail "no Air Quality menu traced"
open_menu "${aq_first%.*}.$aq_items"
for _ in $(seq 1 40); do grep -aq "Air Quality view opened" "$messages" && break; sleep 0.25; done
grep -aq "Air Quality view opened" "$messages" || fail "menu ${aq_first%.*}.$aq_items did not open the Air Quality view"
sleep 1
shot 5-air-quality
echo "desktop e2e: Air Quality view opened from menu ${aq_first%.*}.$aq_items"
# 7. Open Demo Data, pixel info in the quick-look, Run from a product's context menu
t7=$SECONDS
last_rows() { # the rows of the tree as last traced: "i x y w h text", one burst after the last row.0
  grep -a "ui products row\." "$log" | sed 's/.*ui products row\.//' | awk '$1 == 0 { n = 0 } { line[n++] = $0 } END { for (i = 0; i < n; i++) print line[i] }'
}
row_of() { # the last traced row whose text holds $1 (literally)
  last_rows | T="$1" awk '{ s = $0; sub(/^[0-9]+ [-0-9]+ [-0-9]+ [0-9]+ [0-9]+ /, "", s) } index(s, ENVIRON["T"]) { print; exit }'
}
popup_click() { # $1: entry name; clicks the last traced bounds of a context-menu entry
  read -r px py pw ph <<<"$(grep -a "ui products popup $1 " "$log" | tail -1 | sed "s/.*ui products popup $1 //")"
  [ -n "$px" ] || return 1
  xdotool mousemove $((px + pw / 2)) $((py + ph / 2)) click 1
}
# the products of steps 4 and 5 are closed from their context menu, so the demo's rows fit the window
for ref in 1 2; do
  read -r _ rx ry rw rh _ <<<"$(row_of "[$ref] ")"
  [ -n "$rx" ] || fail "no row of product [$ref] to close"
  before=$(count "products popup")
  xdotool mousemove $((rx + rw / 2)) $((ry + rh / 2)) click 3
  wait_trace "products popup" "$before" 10 || fail "no context menu on product [$ref]"
  popup_click products.popup.close || fail "no Close Product in the context menu"
  sleep 0.8
done
demo_path=$(grep -a "ui action OpenDemoData " "$log" | tail -1 | sed 's/.*ui action OpenDemoData //' | awk '{ print $1 }')
[ -n "$demo_path" ] || fail "no File > Open Demo Data entry traced"
open_menu "$demo_path"
demo_dir="$out/userdir/demo-data"
for _ in $(seq 1 120); do
  grep -aq "ui products opened scene_utm33n " "$log" && grep -aq "ui products opened S1[A-D]_IW_GRDH" "$log" && break
  sleep 0.5
done
grep -aq "ui products opened scene_utm33n " "$log" || fail "Open Demo Data did not open scene_utm33n.tif (in $demo_dir)"
grep -aq "ui products opened S1[A-D]_IW_GRDH" "$log" || fail "Open Demo Data did not open the Sentinel-1 GRD (in $demo_dir)"
echo "desktop e2e: Open Demo Data made and opened $(ls "$demo_dir" | tr '\n' ' ')in $((SECONDS - t7)) s"
sleep 0.8
shot 7-demo-data
# the first band of the GeoTIFF: the row after "Bands" below the product's row
band_line=$(last_rows | awk '{ s = $0; sub(/^[0-9]+ [-0-9]+ [-0-9]+ [0-9]+ [0-9]+ /, "", s) }
  index(s, "] scene_utm33n") && s ~ /scene_utm33n$/ { p = 1; next } p == 1 && s == "Bands" { p = 2; next } p == 2 { print; exit }')
read -r _ bx by bw bh band <<<"$band_line"
[ -n "$band" ] || fail "no band row of scene_utm33n in the Products window"
xdotool mousemove $((bx + bw / 2)) $((by + bh / 2)) click --repeat 2 --delay 120 1
for _ in $(seq 1 60); do grep -aq "ui quicklook image scene_utm33n.tif " "$log" && break; sleep 0.25; done
grep -aq "ui quicklook image scene_utm33n.tif " "$log" || fail "a double-click on band $band of scene_utm33n did not show its image"
sleep 0.5
read -r ix iy iw ih sw sh <<<"$(grep -a "ui quicklook image scene_utm33n.tif " "$log" | tail -1 | sed 's/.*ui quicklook image scene_utm33n.tif //')"
want_col=700; want_row=300
before=$(count "quicklook readout")
xdotool mousemove $((ix + (2 * want_col + 1) * iw / (2 * sw))) $((iy + (2 * want_row + 1) * ih / (2 * sh)))
sleep 0.3; xdotool mousemove_relative 1 0; sleep 0.3; xdotool mousemove_relative -- -1 0
wait_trace "quicklook readout" "$before" 10 || fail "no pixel info under the mouse in the quick-look"
readout=$(grep -a "ui quicklook readout scene_utm33n.tif " "$log" | tail -1 | sed 's/.*ui quicklook readout scene_utm33n.tif //')
shot 7-pixel-info
read -r col row lat lon value <<<"$(echo "$readout" | sed -E 's/^col ([0-9]+), row ([0-9]+) +lat (-?[0-9.]+), lon (-?[0-9.]+) .* = (-?[0-9.]+|no data)$/\1 \2 \3 \4 \5/')"
[[ "$col" =~ ^[0-9]+$ ]] && [[ "$value" =~ ^[0-9]+$ ]] || fail "pixel info \"$readout\" is not col, row, lat, lon and value"
# one screen pixel covers sw/iw image pixels: the pixel shown is within that (plus one) of the target
tol=$(( (sw + iw - 1) / iw + 1 ))
[ $(( (col - want_col) * (col - want_col) )) -le $((tol * tol)) ] && [ $(( (row - want_row) * (row - want_row) )) -le $((tol * tol)) ] \
  || fail "the mouse over pixel $want_col,$want_row shows col $col, row $row (more than $tol pixels off)"
read -r glon glat _ <<<"$(echo "$col.5 $row.5" | gdaltransform -output_xy -t_srs "+proj=longlat +datum=WGS84 +no_defs" "$demo_dir/scene_utm33n.tif")"
gvalue=$(gdallocationinfo -valonly -b 1 "$demo_dir/scene_utm33n.tif" "$col" "$row")
awk -v a="$lat" -v b="$glat" -v c="$lon" -v d="$glon" 'BEGIN { exit !((a - b) ^ 2 < 1e-12 && (c - d) ^ 2 < 1e-12) }' \
  || fail "pixel $col,$row: shown lat $lat, lon $lon; gdaltransform gives $glat, $glon"
[ "$value" = "$gvalue" ] || fail "pixel $col,$row: shown value $value; gdallocationinfo gives $gvalue"
echo "desktop e2e: pixel info at $((SECONDS - t7)) s: \"$readout\" matches gdaltransform ($glat, $glon, within 1e-6 deg) and gdallocationinfo ($gvalue)"
# Run > S1-GRD-preprocess from the GRD's context menu
read -r _ rx ry rw rh _ <<<"$(row_of "_IW_GRDH_")"
[ -n "$rx" ] || fail "no row of the demo GRD in the Products window"
before=$(count "products popup")
xdotool mousemove $((rx + rw / 2)) $((ry + rh / 2)) click 3
wait_trace "products popup" "$before" 10 || fail "no context menu on the demo GRD"
popup_click products.run || fail "no Run entry in the context menu"
wait_trace "products popup products.run.$grd" 0 10 || fail "Run does not offer $grd for the GRD"
before=$(count $grd)
popup_click "products.run.$grd" || fail "cannot click Run > $grd"
wait_trace $grd "$before" 40 || fail "Run > $grd did not open its dialog"
for _ in $(seq 1 10); do [ "$(bounds $grd run | awk '{ print $NF }')" = enabled ] && break; sleep 0.5; done
[ "$(bounds $grd run | awk '{ print $NF }')" = enabled ] || fail "$grd from the context menu: Run is not enabled with the product chosen"
shot 7-grd-from-context-menu
opened_before=$(grep -ac "ui products opened " "$log")
t_run=$SECONDS
click $grd run
for _ in $(seq 1 120); do [ "$(grep -ac "ui products opened " "$log")" -gt "$opened_before" ] && break; sleep 0.5; done
[ "$(grep -ac "ui products opened " "$log")" -gt "$opened_before" ] || fail "the output of $grd did not appear in the Products window"
grd_out=$(grep -a "ui products opened " "$log" | tail -1 | sed 's/.*ui products opened //')
ls "$demo_dir"/*.tif | grep -v scene_utm33n >/dev/null || fail "no output GeoTIFF of $grd in $demo_dir"
sleep 1
shot 7-grd-output
echo "desktop e2e: Run > $grd from the context menu wrote and opened $grd_out (run and open: $((SECONDS - t_run)) s); step 7 took $((SECONDS - t7)) s"

cp "$out/4-done.png" "$out/../desktop-e2e.png"
echo "desktop e2e: OK ($opened dialogs fit ${screen_w}x$screen_h; $result; screenshots in $out)"
