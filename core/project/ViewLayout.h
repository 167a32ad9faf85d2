// How the viewer's tab is split and what each pane shows, kept per project (view-layout.json in
// the project folder) so that a researcher's comparison comes back with the project: the split,
// each pane's run (by name) and map, whether it shows its difference from the first pane, and
// whether it follows the others.
#pragma once

#include <QString>
#include <vector>

namespace tessera::core {

enum class SplitMode {
    Single, // one view
    Two,    // two views side by side
    Four,   // two by two
    Swipe   // one view, two runs split by a draggable line
};

QString splitModeName(SplitMode mode); // "single", "two", "four", "swipe"

struct PaneLayout {
    QString run;             // the run whose prediction the pane shows; empty: the slide's latest
    QString map;             // scoreMapName(): "attention", "evidence", …
    bool difference = false; // percentile difference from the first pane's map of the same kind
    bool linked = true;      // follows the other panes' pan, zoom and cursor
    friend bool operator==(const PaneLayout&, const PaneLayout&) = default;
};

struct ViewLayout {
    SplitMode mode = SplitMode::Single;
    std::vector<PaneLayout> panes; // the first is the tab's own view
    double swipePosition = 0.5;    // the line, as a fraction of the view's width
    friend bool operator==(const ViewLayout&, const ViewLayout&) = default;

    static int paneCount(SplitMode mode); // 1, 2, 4, 2
};

constexpr const char* kViewLayoutFile = "view-layout.json";

// The project's layout; the default (single, nothing chosen) when it has none. Throws Error
// naming the file when it cannot be read or is not a layout.
ViewLayout readViewLayout(const QString& projectFolder);
// Written atomically; throws Error naming the file on failure.
void writeViewLayout(const QString& projectFolder, const ViewLayout& layout);

} // namespace tessera::core
