#!/bin/sh
# The demo's media, made once and committed (a fresh machine has no ffmpeg):
#   src/lib/server/seed/media/torque-checkout.webm      the step-3 clip of WI-BO-0142 (about 20 s,
#                                                       640x360, VP9, no audio, < 400 KB)
#   src/lib/server/seed/media/torque-checkout-poster.png its poster frame
#   src/lib/server/seed/media/torque-rack.jpg            the photo of step 1 (the tool rack)
# The clip shows the step titles on colour cards (drawtext when a font is installed, colour
# cards only otherwise). Captions (WebVTT, EN and NL) and the PDF are made by the seed itself
# (src/lib/server/seed/demo-instructions.ts). Run from the repository root:
#   sh scripts/demo-media.sh
set -eu
OUT=src/lib/server/seed/media
mkdir -p "$OUT"
FONT=""
for f in /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf /usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf; do
	if [ -f "$f" ]; then FONT="$f"; break; fi
done

# Five cards of 4 s (no colons in the texts: drawtext reads them as separators), the check-out at the rack, step by step (same order as the captions).
set -- \
	"0x1f4e79|1  Scan the QR label on the wrench" \
	"0x2e7d32|2  Green means calibration valid" \
	"0xb71c1c|3  Red means put the wrench back" \
	"0x6a1b9a|4  Take a spare from the lab shelf" \
	"0x37474f|5  Scan again before you torque"
i=0
LIST=$(mktemp)
TMP=$(mktemp -d)
for card in "$@"; do
	colour=${card%%|*}
	text=${card#*|}
	i=$((i + 1))
	if [ -n "$FONT" ]; then
		# A moving bar makes seeking visible; the title and the clock stay readable.
		filter="drawbox=x='mod(t*160\,640)':y=300:w=80:h=12:color=white@0.8:t=fill,drawtext=fontfile=$FONT:text='$text':fontcolor=white:fontsize=30:x=(w-text_w)/2:y=(h-text_h)/2-20,drawtext=fontfile=$FONT:text='WI-BO-0142  step 3  torque-tool check-out':fontcolor=white@0.85:fontsize=18:x=20:y=20"
	else
		filter="drawbox=x='mod(t*160\,640)':y=300:w=80:h=12:color=white@0.8:t=fill"
	fi
	ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=$colour:s=640x360:r=24:d=4" -vf "$filter" \
		-c:v libvpx-vp9 -b:v 110k -deadline good -cpu-used 4 -row-mt 1 -pix_fmt yuv420p -an "$TMP/card$i.webm"
	echo "file '$TMP/card$i.webm'" >>"$LIST"
done
ffmpeg -hide_banner -loglevel error -y -f concat -safe 0 -i "$LIST" -c copy "$OUT/torque-checkout.webm"
# The poster: the red card (the step this clip belongs to), a frame in the middle of it.
ffmpeg -hide_banner -loglevel error -y -ss 10 -i "$OUT/torque-checkout.webm" -frames:v 1 -compression_level 9 "$OUT/torque-checkout-poster.png"
# A photo-like frame of the tool rack: a grey gradient wall with five wrench slots and a label.
if [ -n "$FONT" ]; then
	label=",drawtext=fontfile=$FONT:text='Torque rack BO-3  scan before use':fontcolor=0x202020:fontsize=26:x=40:y=40"
else
	label=""
fi
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "gradients=s=800x600:c0=0x9aa5ad:c1=0x5f6b73:seed=7,format=rgb24" -frames:v 1 \
	-vf "drawbox=x=30:y=30:w=740:h=60:color=0xf2c94c:t=fill,drawbox=x=80:y=140:w=60:h=400:color=0x263238:t=fill,drawbox=x=220:y=140:w=60:h=400:color=0x263238:t=fill,drawbox=x=360:y=140:w=60:h=400:color=0x263238:t=fill,drawbox=x=500:y=140:w=60:h=400:color=0x263238:t=fill,drawbox=x=640:y=140:w=60:h=400:color=0x263238:t=fill,drawbox=x=95:y=160:w=30:h=30:color=white:t=fill,drawbox=x=235:y=160:w=30:h=30:color=white:t=fill,drawbox=x=375:y=160:w=30:h=30:color=white:t=fill,drawbox=x=655:y=160:w=30:h=30:color=white:t=fill,noise=alls=12:allf=t$label" \
	-q:v 4 "$OUT/torque-rack.jpg"
rm -rf "$TMP" "$LIST"
ls -l "$OUT"
