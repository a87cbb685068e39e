#pragma once
// Where and how big: the export file (PNG, PDF or SVG by extension) and the size of each chart
// in pixels (points in a PDF). Remembered between runs.
#include "ViewList.h"

#include <QDialog>

class QLineEdit;
class QSpinBox;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(bool allViews, const ViewInfo& currentView, QWidget* parent = nullptr);
    QString path() const;
    QSize chartSize() const;

    void accept() override;

private:
    void browse();
    bool m_allViews;
    QLineEdit* m_path;
    QSpinBox* m_width;
    QSpinBox* m_height;
};
