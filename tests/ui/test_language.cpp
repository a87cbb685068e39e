// The interface in 简体中文 (View > Language, or the system locale), offscreen: menus, a view's
// title and an exported chart's title are Chinese, the scenario speaks its own 简体中文 text,
// and a CJK font is there so the charts never show boxes. English is the source text.
#include "window_helpers.h"

#include "ExportPages.h"
#include "Language.h"
#include "PlotDecor.h"
#include "scenario/builtin.h"

#include <catch2/catch.hpp>

#include <QDockWidget>
#include <QFile>
#include <QFontDatabase>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>

namespace {
bool hasCjk(const QString& s) {
    for (QChar c : s)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) return true;
    return false;
}

// The interface in one language for the length of a test; English again afterwards.
struct LanguageScope {
    explicit LanguageScope(const QString& choice) {
        language::setSetting(choice);
        installed = language::install(*qApp);
    }
    ~LanguageScope() {
        language::uninstall(*qApp);
        QSettings().remove("view/language");
    }
    QString installed;
};

QStringList menuTitles(MainWindow& w) {
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text();
    return titles;
}
} // namespace

TEST_CASE("With View Language set to zh_CN the menus and views and exported charts are Chinese") {
    LanguageScope zh("zh_CN");
    REQUIRE(zh.installed == "zh_CN");
    MainWindow w(rs::default_scenario(), "", false);
    const QStringList menus = menuTitles(w);
    REQUIRE(menus.size() == 6);
    for (const QString& m : menus) {
        INFO(m.toStdString());
        CHECK(hasCjk(m));
        CHECK(m.contains(QRegularExpression("\\(&[A-Z]\\)$"))); // 文件(&F): the accelerator kept
    }
    // The glossary's term for the view (docs/glossary.md: watermark = 水线).
    auto* dock = w.findChild<QDockWidget*>("view.watermarks");
    REQUIRE(dock);
    CHECK(dock->windowTitle() == QString::fromUtf8("水线"));

    // A built-in scenario's own Chinese title reaches the frames, and the export's page title.
    const auto* b = rs::find_builtin_scenario("watermark-dance");
    REQUIRE(b);
    REQUIRE(!b->title.zh_CN.empty());
    w.loadBuiltin("watermark-dance");
    REQUIRE(uitest::runTo(w, 2'000'000'000));
    REQUIRE(uitest::waitFor([&] { return w.lastFrame()->title == b->title.zh_CN; }));
    QTemporaryDir dir;
    const QString svg = dir.filePath("zh.svg");
    REQUIRE(w.exportChart(svg, QSize(1200, 400)).isEmpty());
    QFile f(svg);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    CHECK(text.contains(QString::fromStdString(b->title.zh_CN).toHtmlEscaped()));
    const QString subject = QCoreApplication::translate("ExportPages", "free pages and watermarks");
    CHECK(hasCjk(subject));
    CHECK(text.contains(subject));
    // The core's event templates (RS_TRANSLATE_NOOP) are translated and filled in; the kernel's
    // own messages (no template) stay as the kernel prints them.
    rs::EventLog log;
    log.add(0, rs::EventType::Note, -1, RS_TRANSLATE_NOOP("Event", "%1 exited"), {"hog"});
    log.add(0, rs::EventType::OomKill, -1, "Out of memory: Killed process 3 (hog)");
    CHECK(log.items[0].text == "hog exited");
    CHECK(eventText(log.items[0]).contains("hog"));
    CHECK(hasCjk(eventText(log.items[0])));
    CHECK(eventText(log.items[1]) == "Out of memory: Killed process 3 (hog)");
    // Noto Sans CJK (scripts/setup.sh) or another font that has the ideographs.
    CHECK(!QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty());
}

TEST_CASE("The Language menu offers the system language and English and Chinese and remembers the choice") {
    MainWindow w(rs::default_scenario(), "", false);
    auto* menu = w.findChild<QMenu*>("languageMenu");
    REQUIRE(menu);
    QStringList data;
    for (QAction* a : menu->actions()) {
        data << a->data().toString();
        if (a->isChecked()) CHECK(a->data().toString() == language::setting());
    }
    CHECK(data == QStringList{"system", "en", "zh_CN"});
    CHECK(language::nativeName("zh_CN") == QString::fromUtf8("简体中文"));
    language::setSetting("zh_CN");
    CHECK(QSettings().value("view/language").toString() == "zh_CN");
    CHECK(language::effective() == "zh_CN");
    language::setSetting("bogus"); // a hand-edited settings file: the system's language
    CHECK(language::setting() == "system");
    QSettings().remove("view/language");
}

TEST_CASE("English installs no translation and the menus keep their source text") {
    LanguageScope en("en");
    CHECK(en.installed == "en");
    MainWindow w(rs::default_scenario(), "", false);
    CHECK(menuTitles(w).front() == "&File");
    rs::EventLog log;
    log.add(0, rs::EventType::Note, -1, RS_TRANSLATE_NOOP("Event", "%1: fork() of %2, %3 pages shared, %4 swap entries duplicated"),
            {"child", "parent", "10", "2"});
    CHECK(eventText(log.items[0]) == "child: fork() of parent, 10 pages shared, 2 swap entries duplicated");
}
