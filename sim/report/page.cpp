#include "report/page.hpp"

#include "report/markup.hpp"

namespace pipesim {
namespace {

// Chinese names need a CJK font: the common ones on Linux, Windows and macOS, in turn.
constexpr const char* stylesheet = R"(
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dde5; --green: #1b7f3b; --amber: #9a5b00;
  --red: #b42318; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 0 24px 48px; color: var(--ink);
  font: 15px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 26px; margin: 28px 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 6px; }
p.lead, .muted { color: var(--muted); }
nav { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid var(--line); }
nav a { margin-right: 16px; color: var(--ink); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 4px 8px; text-align: left; border-bottom: 1px solid var(--line); vertical-align: top; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th { background: #f2f4f8; font-size: 13px; text-transform: capitalize; }
.light { display: inline-block; min-width: 78px; padding: 0 8px; border-radius: 10px;
  font-size: 13px; font-weight: 600; border: 1px solid; }
.light::before { content: "\25CF\00A0"; }
.light.green { color: var(--green); background: #e3f4e8; }
.light.amber { color: var(--amber); background: #fdf0d5; }
.light.red { color: var(--red); background: #fde4e1; }
.light.none { color: var(--muted); background: #f2f4f8; }
.light.none::before { content: "\25CB\00A0"; }
.summary span { margin-right: 16px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 12px 24px; }
figure { margin: 12px 0; }
figcaption { font-size: 14px; margin-bottom: 4px; }
figcaption .light { margin-left: 6px; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart .tick, svg.chart .note { font-size: 10px; fill: var(--muted); }
svg.chart .note { font-style: italic; }
svg.chart .heading { font-weight: 700; }
svg.chart .grid { stroke: #eceef2; }
svg.chart .axis { stroke: #8a91a0; }
svg.chart .rule { stroke: var(--line); }
svg.chart .bin { fill: #a9c1de; }
svg.chart .cumulative { fill: none; stroke: #1f3b73; stroke-width: 2; }
svg.chart .target { stroke: var(--red); stroke-width: 1.5; stroke-dasharray: 5 3; }
svg.chart .target-label { fill: var(--red); font-size: 11px; }
svg.chart .marker { stroke: #3d4556; stroke-dasharray: 2 2; }
svg.chart .marker-label { fill: #3d4556; font-size: 11px; }
svg.chart .band { fill: #a9c1de; fill-opacity: 0.7; }
svg.chart .median { fill: none; stroke: #1f3b73; stroke-width: 2; }
svg.chart .span.green { fill: #4caf6e; }
svg.chart .span.amber { fill: #f0b429; }
svg.chart .span.red { fill: #e0584a; }
svg.chart .span.none { fill: #b8bfcc; }
svg.chart .p50 { stroke: var(--ink); stroke-width: 2; }
svg.chart .target-mark { fill: #fff; stroke: var(--red); stroke-width: 1.5; }
svg.chart .stage { fill: #6f8fbf; }
svg.chart .series-0 { fill: #1f6fb2; }
svg.chart .series-1 { fill: #e08a2c; }
svg.chart .trace-0 { fill: #1f77b4; stroke: #1f77b4; }
svg.chart .trace-1 { fill: #e07b10; stroke: #e07b10; }
svg.chart .trace-2 { fill: #2a9d3a; stroke: #2a9d3a; }
svg.chart .trace-3 { fill: #c8312b; stroke: #c8312b; }
svg.chart .trace-4 { fill: #8a5cb8; stroke: #8a5cb8; }
svg.chart .trace-5 { fill: #8c564b; stroke: #8c564b; }
svg.chart .trace-6 { fill: #d45fb0; stroke: #d45fb0; }
svg.chart .trace-7 { fill: #5f6b7a; stroke: #5f6b7a; }
svg.chart polyline.trace { fill: none; stroke-width: 2; }
svg.chart polygon.spread { stroke: none; fill-opacity: 0.15; }
svg.chart rect.dot { stroke: #fff; stroke-width: 1; }
svg.chart .heat-0 { fill: #f7fbff; }
svg.chart .heat-1 { fill: #e3eef9; }
svg.chart .heat-2 { fill: #cfe1f2; }
svg.chart .heat-3 { fill: #b5d4e9; }
svg.chart .heat-4 { fill: #93c3df; }
svg.chart .heat-5 { fill: #6daed5; }
svg.chart .heat-6 { fill: #4b97c9; }
svg.chart .heat-7 { fill: #2f7ebc; }
svg.chart .heat-8 { fill: #1864aa; }
svg.chart .heat-9 { fill: #0a4a90; }
svg.chart .heat-none { fill: #fff; stroke: var(--line); }
svg.chart text.cell { font-size: 11px; }
svg.chart text.cell.on-dark { fill: #fff; }
tr.promise th { background: #f2f4f8; font-size: 13px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, svg.chart, tr, .driver { break-inside: avoid; }
  .charts { display: block; }
  a { color: inherit; text-decoration: none; }
}
)";

}  // namespace

std::string html_page(const PageFrame& frame, const std::string& main) {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    html.append(markup_escaped(frame.title)).append("</title>\n<style>").append(stylesheet);
    html.append("</style>\n</head>\n<body>\n<header>\n<h1>").append(markup_escaped(frame.heading));
    html.append("</h1>\n<p class=\"lead\">").append(markup_escaped(frame.lead));
    html.append("</p>\n</header>\n<nav aria-label=\"Sections\">");
    for (const PageSection& section : frame.sections)
        html.append("<a href=\"#")
            .append(section.anchor)
            .append("\">")
            .append(markup_escaped(section.name))
            .append("</a>");
    return html.append("</nav>\n<main>\n").append(main).append("</main>\n</body>\n</html>\n");
}

std::string setting_row(const std::string& name, const std::string& value) {
    std::string row = "<tr><th>";
    return row.append(markup_escaped(name))
        .append("</th><td>")
        .append(markup_escaped(value))
        .append("</td></tr>\n");
}

}  // namespace pipesim
