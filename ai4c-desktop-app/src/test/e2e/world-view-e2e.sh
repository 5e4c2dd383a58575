# World View steps of the desktop end-to-end test, sourced by desktop-e2e.sh after File > Open Product...
# has opened scene.tif (uses its functions: open_menu, wait_trace, count, click, close_dialog, shot, fail).
#  a. Window > World View opens the World View; the footprint of scene.tif ([1]) is drawn where the view
#     traces it, in the colour it states (a marker at world scale, the translucent fill once zoomed to it);
#  b. Draw... of the Warp dialog's area of interest: a rectangle dragged on the map with xdotool lands in
#     the dialog's AOI field as the WKT of the longitudes/latitudes under the mouse (within a pixel), and
#     the form accepts it.
# Traces: "ui worldview map x y w h", "ui worldview view <lon> <lat> <px/deg>", "ui worldview <button>
# x y w h state", "ui worldview footprint <n> x y w h r,g,b <name>", "ui worldview mode <mode>",
# "ui aoi <alias> <param> valid|invalid ...".

wv_last() { grep -a "ui worldview $1 " "$log" | tail -1 | sed "s/.*ui worldview $1 //"; }
# mean colour "r g b" of the 5 x 5 pixels around ($2, $3) in screenshot $1
colour_at() {
  convert "$out/$1.png" -crop 5x5+$(($2 - 2))+$(($3 - 2)) +repage -scale '1x1!' \
    -format "%[fx:int(255*r+0.5)] %[fx:int(255*g+0.5)] %[fx:int(255*b+0.5)]" info:
}
# the footprint of product [1] is drawn at its traced place in its traced colour (screenshot $1)
check_footprint() {
  local fx fy fw fh rgb cx cy r g b er eg eb
  read -r fx fy fw fh rgb _ <<<"$(wv_last "footprint 1")"
  [ -n "$rgb" ] || fail "the World View traced no footprint of scene.tif"
  cx=$((fx + fw / 2)); cy=$((fy + fh / 2))
  shot "$1"
  read -r r g b <<<"$(colour_at "$1" "$cx" "$cy")"
  IFS=, read -r er eg eb <<<"$rgb"
  # 20 levels: the 5 x 5 mean may take in a graticule line under the translucent fill
  awk -v r="$r" -v g="$g" -v b="$b" -v er="$er" -v eg="$eg" -v eb="$eb" \
    'function d(x, y) { return x > y ? x - y : y - x } BEGIN { exit !(d(r, er) <= 20 && d(g, eg) <= 20 && d(b, eb) <= 20) }' \
    || fail "World View ($1): colour $r,$g,$b at the footprint's centre $cx,$cy, expected $er,$eg,$eb"
  echo "desktop e2e: World View ($1): footprint [1] at $fx,$fy ${fw}x$fh, colour $r,$g,$b at its centre (expected $er,$eg,$eb)"
}

wv_start=$SECONDS
wv_menu=$(grep -a "ui action WorldView " "$log" | tail -1 | sed 's/.*ui action WorldView //' | awk '{ print $1 }')
[ -n "$wv_menu" ] || fail "no Window > World View entry traced"
before=$(count worldview)
open_menu "$wv_menu"
wait_trace worldview "$before" 20 || fail "Window > World View ($wv_menu) did not open the World View"
for _ in $(seq 1 40); do [ -n "$(wv_last "footprint 1")" ] && break; sleep 0.25; done
sleep 1
check_footprint 3-world-view
read -r zx zy zw zh zstate <<<"$(wv_last worldview.zoomProducts)"
[ "$zstate" = enabled ] || fail "World View: Zoom to products is ${zstate:-not traced}"
before=$(count worldview)
xdotool mousemove $((zx + zw / 2)) $((zy + zh / 2)) click 1
wait_trace worldview "$before" || fail "World View: Zoom to products changed nothing"
sleep 1
check_footprint 3-world-view-zoomed

# b. Warp's area of interest drawn on the World View
warp_menu=$(awk '$1 == "Warp" { print $2 }' "$out/menu.txt")
before=$(count Warp); open_menu "$warp_menu"; wait_trace Warp "$before" 40 || fail "Warp dialog did not open (AOI)"
sleep 1
before=$(count Warp); click Warp tab.1; wait_trace Warp "$before" || fail "Warp: Processing Parameters tab not shown (AOI)"
modes=$(grep -ac "ui worldview mode rectangle" "$log")
click Warp param.aoi.draw
for _ in $(seq 1 40); do [ "$(grep -ac "ui worldview mode rectangle" "$log")" -gt "$modes" ] && break; sleep 0.25; done
[ "$(grep -ac "ui worldview mode rectangle" "$log")" -gt "$modes" ] || fail "Warp: Draw... did not put the World View into rectangle mode"
sleep 1
read -r mx my mw mh <<<"$(wv_last map)"
read -r clon clat scale <<<"$(wv_last view)"
ax=$((mx + mw * 3 / 10)); ay=$((my + mh * 3 / 10)); bx=$((mx + mw * 7 / 10)); by=$((my + mh * 7 / 10))
xdotool mousemove "$ax" "$ay"; sleep 0.2
xdotool mousedown 1; sleep 0.2
xdotool mousemove $(((ax + bx) / 2)) $(((ay + by) / 2)); sleep 0.2
xdotool mousemove "$bx" "$by"; sleep 0.2
shot 3-aoi-drawing
xdotool mouseup 1
for _ in $(seq 1 40); do grep -aq "ui aoi Warp aoi " "$log" && break; sleep 0.25; done
aoi_line=$(grep -a "ui aoi Warp aoi " "$log" | tail -1 | sed 's/.*ui aoi Warp aoi //')
[ -n "$aoi_line" ] || fail "the rectangle drawn on the World View did not reach the Warp dialog's AOI field"
case "$aoi_line" in valid\ POLYGON*) ;; *) fail "Warp refused the drawn area: $aoi_line" ;; esac
# west south, east south, east north, west north: the positions under the mouse, within a pixel
echo "$aoi_line" | awk -v mx="$mx" -v my="$my" -v mw="$mw" -v mh="$mh" -v clon="$clon" -v clat="$clat" -v s="$scale" \
  -v ax="$ax" -v ay="$ay" -v bx="$bx" -v by="$by" '
  function d(x, y) { return x > y ? x - y : y - x }
  { gsub(/[^-0-9. ,]/, ""); split($0, p, ","); split(p[1], sw, " "); split(p[3], ne, " ")
    w = clon + (ax - mx - mw / 2) / s; e = clon + (bx - mx - mw / 2) / s
    n = clat - (ay - my - mh / 2) / s; so = clat - (by - my - mh / 2) / s
    tol = 1.01 / s
    ok = d(sw[1], w) <= tol && d(sw[2], so) <= tol && d(ne[1], e) <= tol && d(ne[2], n) <= tol
    printf "desktop e2e: drawn %s %s %s %s, expected %.6f %.6f %.6f %.6f (1 px = %.6f deg)\n", sw[1], sw[2], ne[1], ne[2], w, so, e, n, 1 / s
    exit !ok }' || fail "the drawn area is not where the mouse dragged: $aoi_line"
sleep 1
shot 3-aoi-in-dialog
echo "desktop e2e: a rectangle drawn on the World View for Warp's area of interest landed in its AOI field ($aoi_line)"
close_dialog Warp || fail "Warp: Cancel did not close the dialog (AOI)"
echo "desktop e2e: World View steps took $((SECONDS - wv_start)) s"
