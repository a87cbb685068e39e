#include "MainMenus.h"

#include "AboutDialog.h"
#include "Guide.h"
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
#include <QSettings>
#include <QStyle>
#include <QUndoStack>

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
    auto* fileMenu = w->menuBar()->addMenu("&File");
    m_exportAction = fileMenu->addAction("&Export Chart\u2026", w, [w] { w->exportChartDialog(false); });
    m_exportAction->setShortcut(QKeySequence("Ctrl+E"));
    m_exportAction->setToolTip("Write the charts of the current view to a PNG, PDF or SVG file at a chosen size (Ctrl+E)");
    auto* exportAll = fileMenu->addAction("Export &All Views\u2026", w, [w] { w->exportChartDialog(true); });
    exportAll->setShortcut(QKeySequence("Ctrl+Shift+E"));
    exportAll->setToolTip("Every view: one multi-page PDF, or one PNG or SVG file per view (Ctrl+Shift+E)");
    auto* exportData = fileMenu->addAction("Export &Data (CSV)\u2026", w, &MainWindow::exportCsvDialog);
    exportData->setShortcut(QKeySequence("Ctrl+Shift+C"));
    exportData->setToolTip("The recorded time series, of the whole run or of the charts' visible range, as CSV "
                           "(Ctrl+Shift+C)");
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction("&Quit", w, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainMenus::createEditMenu() {
    auto* editMenu = m_window->menuBar()->addMenu("&Edit");
    auto* undo = m_window->undoStack()->createUndoAction(m_window, "&Undo");
    undo->setShortcut(QKeySequence::Undo);
    undo->setToolTip("Undo the last sysctl change: the old value is written back (Ctrl+Z)");
    auto* redo = m_window->undoStack()->createRedoAction(m_window, "&Redo");
    redo->setShortcut(QKeySequence("Ctrl+Shift+Z"));
    redo->setToolTip("Write the undone sysctl value again (Ctrl+Shift+Z)");
    editMenu->addAction(undo);
    editMenu->addAction(redo);
}

void MainMenus::createScenarioMenu() {
    MainWindow* w = m_window;
    auto* scenarioMenu = w->menuBar()->addMenu("Sce&narios");
    m_openAction = scenarioMenu->addAction(w->style()->standardIcon(QStyle::SP_DialogOpenButton),
                                           "&Open Scenario File\u2026", w, [w] {
        const QString dir = QSettings().value("scenarios/dir").toString();
        const QString path = QFileDialog::getOpenFileName(w, "Open scenario", dir, "Scenarios (*.json);;All files (*)");
        if (!path.isEmpty()) w->openScenario(path);
    });
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip("Load a scenario file (JSON, docs/scenario-format.md); an invalid file is reported and "
                             "the running simulation stays (Ctrl+O)");
    m_recentMenu = scenarioMenu->addMenu("Open &Recent");
    rebuildRecentMenu();
    scenarioMenu->addSeparator();
    for (const auto& b : rs::builtin_scenarios()) {
        auto* a = scenarioMenu->addAction(QString::fromStdString(b.title.en));
        a->setToolTip(QString::fromStdString(b.explanation.en));
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
    auto* simMenu = m_window->menuBar()->addMenu("&Simulation");
    for (QAction* a : {t->playAction(), t->stepAction(), t->stepPassAction(), t->resetAction()})
        simMenu->addAction(a);
    simMenu->addSeparator();
    for (QAction* a : {t->backAction(), t->forwardAction(), t->liveAction()})
        simMenu->addAction(a);
    simMenu->setToolTipsVisible(true);
}

void MainMenus::createViewMenu() {
    MainWindow* w = m_window;
    auto* viewMenu = w->menuBar()->addMenu("&View");
    for (int i = 0; i < kViewCount; ++i) {
        auto* go = viewMenu->addAction(viewInfo(i).name, w, [w, i] { w->showView(static_cast<ViewId>(i)); });
        go->setShortcut(QKeySequence(QString("Ctrl+%1").arg(i + 1)));
        go->setToolTip(viewInfo(i).tip);
    }
    viewMenu->addSeparator();
    auto* panels = viewMenu->addMenu("&Panels");
    for (auto* dock : w->findChildren<QDockWidget*>()) panels->addAction(dock->toggleViewAction());
    panels->addAction(w->transport()->toggleViewAction());
    viewMenu->addAction("Reset &Layout", w, [w] { w->resetLayout(); })
        ->setToolTip("Put every panel back where it starts");
    viewMenu->addSeparator();
    createChartOptions(viewMenu);
}

void MainMenus::createChartOptions(QMenu* viewMenu) {
    MainWindow* w = m_window;
    auto* fitAll = viewMenu->addAction("Fit &All Data");
    fitAll->setCheckable(true);
    fitAll->setShortcut(QKeySequence("Ctrl+F"));
    fitAll->setToolTip("Scale the watermark charts' y axes to all visible data instead of the band around "
                       "the watermarks (Ctrl+F)");
    connect(fitAll, &QAction::toggled, w, [w](bool on) {
        w->watermarkView()->setFitAllData(on);
        QSettings().setValue("view/fitAllData", on);
    });
    fitAll->setChecked(QSettings().value("view/fitAllData", false).toBool());
    auto* mib = viewMenu->addAction("Watermarks in &MiB");
    mib->setCheckable(true);
    mib->setShortcut(QKeySequence("Ctrl+M"));
    mib->setToolTip("The watermark charts' y axis in MiB instead of 4 KiB pages (Ctrl+M)");
    connect(mib, &QAction::toggled, w, [w](bool on) {
        w->watermarkView()->setUnitMiB(on);
        QSettings().setValue("view/watermarksMiB", on);
    });
    mib->setChecked(QSettings().value("view/watermarksMiB", false).toBool());
    auto* themeMenu = viewMenu->addMenu("&Theme");
    auto* themes = new QActionGroup(w);
    const Theme current = themeFromString(QSettings().value("view/theme", "system").toString());
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
        auto* a = themeMenu->addAction(t == Theme::System ? "&System" : t == Theme::Light ? "&Light" : "&Dark");
        a->setCheckable(true);
        a->setChecked(t == current);
        themes->addAction(a);
        connect(a, &QAction::triggered, w, [w, t] { w->setTheme(t); });
    }
}

void MainMenus::createHelpMenu() {
    MainWindow* w = m_window;
    auto* help = w->menuBar()->addMenu("&Help");
    auto* guide = help->addAction(tr("&Guide"), w, [w] { Guide::open(w); });
    guide->setObjectName("guideAction");
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setToolTip(tr("Open the user's guide (the README: command line, views, scenarios) (F1)"));
    help->addAction("&Keyboard Shortcuts", w, [w] {
        QMessageBox::information(
            w, "Keyboard shortcuts",
            "<table>"
            "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
            "<tr><td><b>.</b></td><td>step one simulated millisecond</td></tr>"
            "<tr><td><b>Shift+.</b></td><td>step one kswapd reclaim pass</td></tr>"
            "<tr><td><b>Ctrl+Left / Ctrl+Right</b></td><td>review one second back / forward</td></tr>"
            "<tr><td><b>End</b></td><td>back to live</td></tr>"
            "<tr><td><b>Ctrl+R</b></td><td>reset the scenario</td></tr>"
            "<tr><td><b>Ctrl+1 \u2026 Ctrl+6</b></td><td>Watermarks, Swap, LRU, Big Picture, Counters, Processes</td></tr>"
            "<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>undo / redo a sysctl change</td></tr>"
            "<tr><td><b>Ctrl+E</b></td><td>export the current view's charts</td></tr>"
            "<tr><td><b>Ctrl+Shift+E</b></td><td>export all views</td></tr>"
            "<tr><td><b>Ctrl+Shift+C</b></td><td>export the data as CSV</td></tr>"
            "<tr><td><b>Ctrl+M</b></td><td>watermarks in MiB / pages</td></tr>"
            "<tr><td><b>Ctrl+F</b></td><td>fit all data</td></tr>"
            "<tr><td><b>Ctrl+O</b></td><td>open a scenario file</td></tr>"
            "</table>");
    });
    auto* about = help->addAction(tr("&About ReclaimScope"), w, [w] { AboutDialog::show(w); });
    about->setObjectName("aboutAction");
    about->setMenuRole(QAction::AboutRole);
}
