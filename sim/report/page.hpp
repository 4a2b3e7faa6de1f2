#pragma once
// The frame every report page shares (report.html, sweep.html): one self-contained HTML
// document with the shared stylesheet inline, a heading, a line under it, navigation to
// its sections, and rows of its settings. It loads nothing, so it opens offline and prints.

#include <string>
#include <vector>

namespace pipesim {

struct PageSection {
    std::string anchor;  // the section's id
    std::string name;    // its link in the navigation
};

struct PageFrame {
    std::string title;    // the window's title
    std::string heading;  // the <h1>
    std::string lead;     // the line under it
    std::vector<PageSection> sections;
};

// The page around `main`, the sections' HTML. Title, heading and lead are text (escaped here).
std::string html_page(const PageFrame& frame, const std::string& main);

// A row of a settings table: the setting's name, then its value (both text).
std::string setting_row(const std::string& name, const std::string& value);

}  // namespace pipesim
