package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/toptrade/taobao"
)

// Layout of the chart, in SVG user units (pixels at 100%).
const (
	chartHeight   = 440
	plotHeight    = 300
	basePlotWidth = 720 // wider only when the days need it
	marginLeft    = 90
	marginRight   = 30
	marginTop     = 70
	minSlot       = 8  // narrowest day column
	maxBar        = 40 // widest bar
	labelRoom     = 20 // a slanted day label needs this much width
)

// writeSVG draws the paid amount per day as a bar chart: a bar per day,
// a y axis in yuan with gridlines at round amounts, and the days below.
// Each bar carries a tooltip with the exact amount.
func (r *report) writeSVG(w io.Writer) error {
	days := len(r.Days)
	slot := max(minSlot, basePlotWidth/float64(days))
	plotWidth := slot * float64(days)
	width := marginLeft + plotWidth + marginRight
	x0, y0 := float64(marginLeft), float64(marginTop+plotHeight) // the origin

	var top taobao.Money
	for _, d := range r.Days {
		top = max(top, d.Paid)
	}
	step, ticks := yTicks(top)
	scale := plotHeight / float64(step*taobao.Money(ticks)) // per fen
	y := func(m taobao.Money) float64 { return y0 - float64(m)*scale }

	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%d" viewBox="0 0 %s %d" font-family="Helvetica, Arial, sans-serif" font-size="12">`+"\n",
		num(width), chartHeight, num(width), chartHeight)
	p(`<rect width="100%%" height="100%%" fill="#ffffff"/>` + "\n")
	p(`<text x="%s" y="28" font-size="17" font-weight="bold">Paid amount per day%s</text>`+"\n",
		num(x0), esc(r.of()))
	soFar := ""
	if r.Partial {
		soFar = "; today so far"
	}
	p(`<text x="%s" y="50" fill="#555555">%s to %s (GMT+8): %s yuan from %d paid trades of %d%s</text>`+"\n",
		num(x0), r.From.Format(time.DateOnly), r.To.Format(time.DateOnly), grouped(r.Total.Paid), r.Total.PaidTrades, r.Total.Trades, soFar)

	// The y axis: gridlines and amounts.
	p(`<g class="y-axis" text-anchor="end">` + "\n")
	for i := 0; i <= ticks; i++ {
		m := step * taobao.Money(i)
		yy := y(m)
		if i > 0 {
			p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#e3e3e3"/>`+"\n", num(x0), num(yy), num(x0+plotWidth), num(yy))
		}
		p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333333"/>`+"\n", num(x0-5), num(yy), num(x0), num(yy))
		p(`<text x="%s" y="%s" dominant-baseline="middle">%s</text>`+"\n", num(x0-8), num(yy), yuan(m, step))
	}
	p(`</g>` + "\n")
	p(`<text transform="translate(22 %s) rotate(-90)" text-anchor="middle" fill="#333333">Paid amount (yuan)</text>`+"\n",
		num(float64(marginTop)+plotHeight/2))

	// The bars, each with its exact amount as a tooltip.
	p(`<g class="bars" fill="#4e79a7">` + "\n")
	barWidth := min(slot*0.7, maxBar)
	for i, d := range r.Days {
		bx := x0 + slot*float64(i) + (slot-barWidth)/2
		h := y0 - y(d.Paid)
		note, style := "", ""
		if r.Partial && i == days-1 {
			note, style = " so far", ` fill-opacity="0.5"`
		}
		p(`<rect class="bar" x="%s" y="%s" width="%s" height="%s"%s><title>%s: %s yuan%s, %d paid trades, %d items</title></rect>`+"\n",
			num(bx), num(y0-h), num(barWidth), num(h), style, r.day(i).Format("2006-01-02 Mon"), grouped(d.Paid), note, d.PaidTrades, d.Items)
	}
	p(`</g>` + "\n")

	// The x axis: a tick per day, and a label on every day, every other
	// day or every week, as room allows.
	every := 1
	for _, n := range []int{1, 2, 7, 14, 28} {
		if every = n; slot*float64(n) >= labelRoom {
			break
		}
	}
	p(`<g class="x-axis" text-anchor="end">` + "\n")
	p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333333"/>`+"\n", num(x0), num(y0), num(x0+plotWidth), num(y0))
	p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333333"/>`+"\n", num(x0), num(float64(marginTop)), num(x0), num(y0))
	for i := range r.Days {
		cx := x0 + slot*(float64(i)+0.5)
		p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333333"/>`+"\n", num(cx), num(y0), num(cx), num(y0+4))
		if i%every == 0 {
			p(`<text transform="translate(%s %s) rotate(-45)">%s</text>`+"\n", num(cx+3), num(y0+14), r.day(i).Format("01-02"))
		}
	}
	p(`</g>` + "\n")
	p(`<text x="%s" y="%d" text-anchor="middle" fill="#333333">Day the trades were created (GMT+8, %s)</text>`+"\n",
		num(x0+plotWidth/2), chartHeight-12, years(r.From, r.To))
	p(`</svg>` + "\n")
	_, err := w.Write(b.Bytes())
	return err
}

// yTicks chooses the y axis: a round step (1, 2, 2.5 or 5 times a power of
// ten fen) and how many steps reach top or above it, three to six.
func yTicks(top taobao.Money) (step taobao.Money, n int) {
	if top <= 0 {
		return 100_00, 5 // an empty chart still has an axis: 0 to 500 yuan
	}
	raw := (top + 5) / 6
	for p := taobao.Money(1); ; p *= 10 {
		for _, f := range []taobao.Money{10, 20, 25, 50} {
			if step = f * p / 10; step >= raw && step > 0 {
				return step, int((top + step - 1) / step)
			}
		}
	}
}

// yuan labels an amount of the axis: whole yuan when the step is whole
// yuan, else with the fen.
func yuan(m, step taobao.Money) string {
	s := grouped(m)
	if step%100 == 0 {
		s = strings.TrimSuffix(s, ".00")
	}
	return s
}

// grouped writes m in yuan with thousands separators: "12,345.60".
func grouped(m taobao.Money) string {
	s := m.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	dot := strings.IndexByte(s, '.')
	for i := dot - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

// years names the year or years of the range for the x axis.
func years(from, to time.Time) string {
	if from.Year() == to.Year() {
		return strconv.Itoa(from.Year())
	}
	return fmt.Sprintf("%d-%d", from.Year(), to.Year())
}

// num formats a coordinate with at most two decimals.
func num(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

// esc escapes s for XML text.
func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
