#pragma once
// The views of the window, in their menu order, and what each is called: dock title, file
// name (dock object name, Export All Views' file suffix), the command line's --view, tooltip.
#include <QString>

#include <optional>

enum class ViewId { Watermarks, Swap, Lru, BigPicture, Counters, Processes };
inline constexpr int kViewCount = 6;

struct ViewInfo {
    ViewId id;
    const char* name;     // "Big Picture" (English: the translation's source, QT_TRANSLATE_NOOP)
    const char* fileName; // "big-picture"
    const char* cliName;  // "callgraph" (--view)
    const char* tip;
    // The name and tooltip in the interface's language.
    QString title() const;
    QString toolTip() const;
};

const ViewInfo& viewInfo(ViewId v);
inline const ViewInfo& viewInfo(int i) { return viewInfo(static_cast<ViewId>(i)); }
// The view --view names, if any.
std::optional<ViewId> viewFromCliName(const QString& name);
