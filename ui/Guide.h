#pragma once
// Help > Guide: the README, which is the user's guide (the command line, the views, the
// scenarios), and the docs beside it. Opened with the desktop's viewer (QDesktopServices).
#include <QCoreApplication>
#include <QUrl>

class Guide {
    Q_DECLARE_TR_FUNCTIONS(Guide)
public:
    // The first that exists: the installed copy (PREFIX/share/doc/reclaimscope/README.md, found
    // from the executable's PREFIX/bin), the source tree's when run from a build folder, else
    // the project's home page.
    static QUrl url();
    // Opens url(); says so in a message box when the desktop has nothing to open it with.
    static void open(QWidget* parent);
};
