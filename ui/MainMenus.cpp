#include "MainMenus.h"

#include "AboutDialog.h"
#include "Guide.h"
#include "Language.h"
#include "MainWindow.h"
#include "TransportBar.h"
#include "ViewList.h"
#include "WatermarkView.h"
#include "scenario/builtin.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QUndoStack>

namespace {
// Help > Keyboard Shortcuts: each key with what it does, in the interface's language.
QString shortcutTable() {
    const std::pair<const char*, QString> rows[] = {
        {"Space", MainMenus::tr("play / pause")},
        {".", MainMenus::tr("step one simulated millisecond")},
        {"Shift+.", MainMenus::tr("step one kswapd reclaim pass")},
        {"Ctrl+Left / Ctrl+Right", MainMenus::tr("review one second back / forward")},
        {"End", MainMenus::tr("back to live")},
        {"Ctrl+R", MainMenus::tr("reset the scenario")},
        {"Ctrl+1 … Ctrl+6", MainMenus::tr("Watermarks, Swap, LRU, Big Picture, Counters, Processes")},
        {"Ctrl+Z / Ctrl+Shift+Z", MainMenus::tr("undo / redo a sysctl change")},
        {"Ctrl+E", MainMenus::tr("export the current view's charts")},
        {"Ctrl+Shift+E", MainMenus::tr("export all views")},
        {"Ctrl+Shift+C", MainMenus::tr("export the data as CSV")},
        {"Ctrl+M", MainMenus::tr("watermarks in MiB / pages")},
        {"Ctrl+F", MainMenus::tr("fit all data")},
        {"Ctrl+O", MainMenus::tr("open a scenario file")},
        {"Ctrl+Shift+H", MainMenus::tr("watch this machine")},
        {"Ctrl+Shift+O", MainMenus::tr("open a recording (CSV)")},
    };
    QString html = "<table>";
    for (const auto& [keys, what] : rows)
        html += QString("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(QString::fromUtf8(keys), what.toHtmlEscaped());
    return html + "</table>";
}
} // namespace

MainMenus::MainMenus(MainWindow* window) : QObject(window), m_window(window) {
    createFileMenu();
    createEditMenu();
    createScenarioMenu();
    createSimulationMenu();
    createViewMenu();
    createHelpMenu();
}

void MainMenus::createFileMenu() {
    MainWindow* w = m_window;
    auto* fileMenu = w->menuBar()->addMenu(tr("&File"));
    // The same text as the tooltip and in the status bar.
    auto tip = [](QAction* a, const QString& text) {
        a->setToolTip(text);
        a->setStatusTip(text);
    };
    auto* watch = fileMenu->addAction(tr("&Watch This Machine"), w, [w] { w->watchHost(); });
    watch->setShortcut(QKeySequence("Ctrl+Shift+H"));
    tip(watch, tr("Show this machine in every view instead of a simulation: its zones, watermarks, "
                  "LRU lists, swap, counters and pressure, read from /proc every 100 ms and never "
                  "written (Ctrl+Shift+H). Opening a scenario goes back to simulating."));
    auto* recording = fileMenu->addAction(tr("Open &Recording…"), w, &MainWindow::openRecordingDialog);
    recording->setShortcut(QKeySequence("Ctrl+Shift+O"));
    tip(recording, tr("Show a CSV written by --csv or Export Data (a simulated run or a --host recording "
                      "of a machine) in every view, with the history slider and the exports "
                      "(Ctrl+Shift+O)"));
    tip(fileMenu->addAction(tr("&New Scenario from This Machine…"), w, &MainWindow::newScenarioFromHostDialog),
        tr("Write a scenario file with this machine's zones, vm.* sysctls and swap areas (read "
           "from /proc and /sys, never written) and no tasks, and open it; add the workload to "
           "the file"));
    fileMenu->addSeparator();
    m_exportAction = fileMenu->addAction(tr("&Export Chart…"), w, [w] { w->exportChartDialog(false); });
    m_exportAction->setShortcut(QKeySequence("Ctrl+E"));
    m_exportAction->setToolTip(tr("Write the charts of the current view to a PNG, PDF or SVG file at a chosen size (Ctrl+E)"));
    auto* exportAll = fileMenu->addAction(tr("Export &All Views…"), w, [w] { w->exportChartDialog(true); });
    exportAll->setShortcut(QKeySequence("Ctrl+Shift+E"));
    exportAll->setToolTip(tr("Every view: one multi-page PDF, or one PNG or SVG file per view (Ctrl+Shift+E)"));
    auto* exportData = fileMenu->addAction(tr("Export &Data (CSV)…"), w, &MainWindow::exportCsvDialog);
    exportData->setShortcut(QKeySequence("Ctrl+Shift+C"));
    exportData->setToolTip(tr("The recorded time series, of the whole run or of the charts' visible range, as CSV "
                           "(Ctrl+Shift+C)"));
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), w, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    fileMenu->setToolTipsVisible(true);
}

void MainMenus::createEditMenu() {
    auto* editMenu = m_window->menuBar()->addMenu(tr("&Edit"));
    auto* undo = m_window->undoStack()->createUndoAction(m_window, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setToolTip(tr("Undo the last sysctl change: the old value is written back (Ctrl+Z)"));
    auto* redo = m_window->undoStack()->createRedoAction(m_window, tr("&Redo"));
    redo->setShortcut(QKeySequence("Ctrl+Shift+Z"));
    redo->setToolTip(tr("Write the undone sysctl value again (Ctrl+Shift+Z)"));
    editMenu->addAction(undo);
    editMenu->addAction(redo);
}

void MainMenus::createScenarioMenu() {
    MainWindow* w = m_window;
    auto* scenarioMenu = w->menuBar()->addMenu(tr("Sce&narios"));
    m_openAction = scenarioMenu->addAction(w->style()->standardIcon(QStyle::SP_DialogOpenButton),
                                           tr("&Open Scenario File…"), w, [w] {
        const QString dir = QSettings().value("scenarios/dir").toString();
        const QString path = QFileDialog::getOpenFileName(w, tr("Open scenario"), dir, tr("Scenarios (*.json);;All files (*)"));
        if (!path.isEmpty()) w->openScenario(path);
    });
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Load a scenario file (JSON, docs/scenario-format.md); an invalid file is reported and "
                             "the running simulation stays (Ctrl+O)"));
    m_recentMenu = scenarioMenu->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    scenarioMenu->addSeparator();
    for (const auto& b : rs::builtin_scenarios()) {
        const std::string lang = language::current().toStdString();
        auto* a = scenarioMenu->addAction(QString::fromStdString(b.title.in(lang)));
        a->setToolTip(QString::fromStdString(b.explanation.in(lang)));
        a->setStatusTip(QString::fromStdString(b.name));
        const QString name = QString::fromStdString(b.name);
        connect(a, &QAction::triggered, w, [w, name] { w->loadBuiltin(name); });
    }
    scenarioMenu->setToolTipsVisible(true);
}

void MainMenus::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("scenarios/recent").toStringList();
    MainWindow* w = m_window;
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), w, [w, path] { w->openScenario(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainMenus::createSimulationMenu() {
    TransportBar* t = m_window->transport();
    auto* simMenu = m_window->menuBar()->addMenu(tr("&Simulation"));
    for (QAction* a : {t->playAction(), t->stepAction(), t->stepPassAction(), t->resetAction()})
        simMenu->addAction(a);
    simMenu->addSeparator();
    for (QAction* a : {t->backAction(), t->forwardAction(), t->liveAction()})
        simMenu->addAction(a);
    simMenu->setToolTipsVisible(true);
}

void MainMenus::createViewMenu() {
    MainWindow* w = m_window;
    auto* viewMenu = w->menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < kViewCount; ++i) {
        auto* go = viewMenu->addAction(viewInfo(i).title(), w, [w, i] { w->showView(static_cast<ViewId>(i)); });
        go->setShortcut(QKeySequence(QString("Ctrl+%1").arg(i + 1)));
        go->setToolTip(viewInfo(i).toolTip());
    }
    viewMenu->addSeparator();
    auto* panels = viewMenu->addMenu(tr("&Panels"));
    for (auto* dock : w->findChildren<QDockWidget*>()) panels->addAction(dock->toggleViewAction());
    panels->addAction(w->transport()->toggleViewAction());
    viewMenu->addAction(tr("Reset &Layout"), w, [w] { w->resetLayout(); })
        ->setToolTip(tr("Put every panel back where it starts"));
    viewMenu->addSeparator();
    createChartOptions(viewMenu);
}

void MainMenus::createChartOptions(QMenu* viewMenu) {
    MainWindow* w = m_window;
    auto* fitAll = viewMenu->addAction(tr("Fit &All Data"));
    fitAll->setCheckable(true);
    fitAll->setShortcut(QKeySequence("Ctrl+F"));
    fitAll->setToolTip(tr("Scale the watermark charts' y axes to all visible data instead of the band around "
                       "the watermarks (Ctrl+F)"));
    connect(fitAll, &QAction::toggled, w, [w](bool on) {
        w->watermarkView()->setFitAllData(on);
        QSettings().setValue("view/fitAllData", on);
    });
    fitAll->setChecked(QSettings().value("view/fitAllData", false).toBool());
    auto* mib = viewMenu->addAction(tr("Watermarks in &MiB"));
    mib->setCheckable(true);
    mib->setShortcut(QKeySequence("Ctrl+M"));
    mib->setToolTip(tr("The watermark charts' y axis in MiB instead of 4 KiB pages (Ctrl+M)"));
    connect(mib, &QAction::toggled, w, [w](bool on) {
        w->watermarkView()->setUnitMiB(on);
        QSettings().setValue("view/watermarksMiB", on);
    });
    mib->setChecked(QSettings().value("view/watermarksMiB", false).toBool());
    auto* themeMenu = viewMenu->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(w);
    const Theme current = themeFromString(QSettings().value("view/theme", "system").toString());
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        auto* a = themeMenu->addAction(t == Theme::System ? tr("&System") : t == Theme::Light ? tr("&Light") : tr("&Dark"));
        a->setCheckable(true);
        a->setChecked(t == current);
        themes->addAction(a);
        connect(a, &QAction::triggered, w, [w, t] { w->setTheme(t); });
    }
    createLanguageMenu(viewMenu);
}

void MainMenus::createLanguageMenu(QMenu* viewMenu) {
    MainWindow* w = m_window;
    auto* menu = viewMenu->addMenu(tr("&Language"));
    menu->setObjectName("languageMenu");
    menu->setToolTipsVisible(true);
    auto* group = new QActionGroup(w);
    const QString chosen = language::setting();
    for (const QString& lang : QStringList{"system"} + language::kAvailable) {
        const QString name = lang == "system" ? tr("System (%1)").arg(language::nativeName(language::systemLanguage()))
                                              : language::nativeName(lang);
        auto* a = menu->addAction(name);
        a->setData(lang);
        a->setCheckable(true);
        a->setChecked(lang == chosen);
        a->setToolTip(tr("The interface's language, remembered; it changes when ReclaimScope starts again"));
        group->addAction(a);
        connect(a, &QAction::triggered, w, [w, lang] { chooseLanguage(w, lang); });
    }
}

void MainMenus::chooseLanguage(QWidget* parent, const QString& lang) {
    language::setSetting(lang);
    const QString next = language::effective();
    if (next == language::current()) return;
    // Every widget is built with its texts: the language changes with a new start.
    QMessageBox ask(QMessageBox::Question, tr("Language"),
                    tr("ReclaimScope will speak %1 when it starts again. Restart now?").arg(language::nativeName(next)),
                    QMessageBox::NoButton, parent);
    QPushButton* now = ask.addButton(tr("Restart &Now"), QMessageBox::AcceptRole);
    ask.addButton(tr("&Later"), QMessageBox::RejectRole);
    ask.setDefaultButton(now);
    ask.exec();
    if (ask.clickedButton() != now) return;
    // The same command line, so the same scenario comes back; closing first saves the layout.
    if (parent->window()->close())
        QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
}

void MainMenus::createHelpMenu() {
    MainWindow* w = m_window;
    auto* help = w->menuBar()->addMenu(tr("&Help"));
    auto* guide = help->addAction(tr("&Guide"), w, [w] { Guide::open(w); });
    guide->setObjectName("guideAction");
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setToolTip(tr("Open the user's guide (the README: command line, views, scenarios) (F1)"));
    help->addAction(tr("&Keyboard Shortcuts"), w, [w] {
        QMessageBox::information(
            w, tr("Keyboard shortcuts"),
            shortcutTable());
    });
    auto* about = help->addAction(tr("&About ReclaimScope"), w, [w] { AboutDialog::show(w); });
    about->setObjectName("aboutAction");
    about->setMenuRole(QAction::AboutRole);
}
