#pragma once
// The scenario browser: the built-in library and the recent files in one list, with the
// chosen scenario's title and explanation; Load (or a double click) starts it.
#include "ScenarioLoader.h"

#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QTextBrowser;
class QPushButton;

class ScenarioBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioBrowser(QWidget* parent = nullptr);
    QListWidget* list() const { return m_list; }
    QString details() const;
    // The preview of a recent file is read off the UI thread; true while it is.
    bool isReading() const { return m_preview->busy(); }

public slots:
    // Re-reads the recent files (QSettings scenarios/recent).
    void refreshRecent();
    // Marks the running scenario.
    void setCurrent(const QString& title);

signals:
    void builtinRequested(const QString& name);
    void fileRequested(const QString& path);
    void openFileRequested();

private:
    void showDetails(QListWidgetItem* item);
    void showPreview(const QString& path, const ScenarioResultPtr& result);
    void activate(QListWidgetItem* item);
    QListWidget* m_list;
    QTextBrowser* m_details;
    QPushButton* m_load;
    ScenarioLoader* m_preview;
    int m_builtinCount = 0;
};
