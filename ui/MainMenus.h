#pragma once
// The main window's menu bar: File (exports, quit), Edit (undo, redo), Scenarios (open, recent,
// built-ins), Simulation (the transport's actions), View (views, panels, layout, chart options,
// theme, language) and Help.
#include <QObject>

class MainWindow;
class QAction;
class QMenu;
class QWidget;

class MainMenus : public QObject {
    Q_OBJECT
public:
    // Builds the menus into the window's menu bar; the window's transport and undo stack exist.
    explicit MainMenus(MainWindow* window);

    QAction* exportAction() const { return m_exportAction; }
    QAction* openAction() const { return m_openAction; }
    // The recently opened scenario files, newest first (QSettings scenarios/recent).
    void rebuildRecentMenu();

private:
    void createFileMenu();
    void createEditMenu();
    void createScenarioMenu();
    void createSimulationMenu();
    void createViewMenu();
    void createChartOptions(QMenu* viewMenu);
    void createLanguageMenu(QMenu* viewMenu);
    void createHelpMenu();
    // View > Language: remembers the choice and offers to restart in it.
    static void chooseLanguage(QWidget* parent, const QString& lang);

    MainWindow* m_window;
    QAction* m_exportAction = nullptr;
    QAction* m_openAction = nullptr;
    QMenu* m_recentMenu = nullptr;
};
