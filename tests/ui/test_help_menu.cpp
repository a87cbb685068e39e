// Help > About and Help > Guide, offscreen: the About dialog names the build (version, commit),
// the licence, the kernel release simulated by default and the home; the Guide opens the README.
#include "window_helpers.h"

#include "model/machine_spec.h"
#include "scenario/builtin.h"
#include "util/build_info.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QDesktopServices>
#include <QFileInfo>
#include <QMessageBox>

namespace {
// Stands in for the desktop's file handler: records what Help > Guide asks it to open.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl& url) { urls << url; }
};
} // namespace

TEST_CASE("Help About names the version and the commit and the licence and the kernel and the home") {
    MainWindow w(rs::default_scenario(), "test", false);
    w.show();
    auto* about = w.findChild<QAction*>("aboutAction");
    REQUIRE(about);
    about->trigger();
    QMessageBox* box = nullptr;
    REQUIRE(uitest::waitFor([&] { return (box = w.findChild<QMessageBox*>("aboutDialog")) && box->isVisible(); }));
    const QString text = box->text();
    CHECK(text.contains(QString("ReclaimScope ") + rs::build_version()));
    CHECK(text.contains(rs::build_commit()));
    CHECK(QString(rs::build_commit()).size() >= 7); // a hash, or "unknown"
    CHECK(text.contains(rs::project_license()));
    CHECK(text.contains(QString("Linux %1.%2").arg(rs::kDefaultKernelVersion / 100).arg(rs::kDefaultKernelVersion % 100)));
    CHECK(text.contains(QString("href=\"%1\"").arg(rs::project_homepage())));
    box->close();
}

TEST_CASE("Help Guide opens the README") {
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler("file", &catcher, "open");
    MainWindow w(rs::default_scenario(), "test", false);
    auto* guide = w.findChild<QAction*>("guideAction");
    REQUIRE(guide);
    CHECK(guide->shortcut() == QKeySequence(QKeySequence::HelpContents));
    guide->trigger();
    QDesktopServices::unsetUrlHandler("file");
    REQUIRE(catcher.urls.size() == 1);
    // From a build folder: the source tree's README, which the install puts in share/doc.
    const QFileInfo readme(catcher.urls.front().toLocalFile());
    CHECK(readme.fileName() == "README.md");
    CHECK(readme.isFile());
}

#include "test_help_menu.moc"
