#include "ExportDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

ExportDialog::ExportDialog(bool allViews, const ViewInfo& currentView, QWidget* parent)
    : QDialog(parent), m_allViews(allViews) {
    setWindowTitle(allViews ? tr("Export all views") : tr("Export chart"));
    QSettings s;
    const QString dir = s.value("export/dir", QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
    const QString ext = s.value("export/format", "png").toString();
    const QString base = allViews ? "reclaimscope" : QString(currentView.fileName); // "big-picture" in any language
    auto* form = new QFormLayout(this);
    auto* what = new QLabel(allViews ? tr("Every view with a chart: one page each in a PDF, or one file each "
                                       "(NAME-watermarks.png, NAME-swap.png, …) for PNG and SVG.")
                                     : tr("The charts of the %1 view.").arg(currentView.title()),
                            this);
    what->setWordWrap(true);
    form->addRow(what);
    auto* row = new QHBoxLayout;
    m_path = new QLineEdit(QDir(dir).filePath(base + "." + (allViews && ext != "png" && ext != "svg" ? QString("pdf") : ext)), this);
    m_path->setToolTip(tr("The file to write: .png, .pdf or .svg. It is replaced only once it is complete."));
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    row->addWidget(m_path, 1);
    row->addWidget(browseButton);
    form->addRow(tr("File"), row);
    m_width = new QSpinBox(this);
    m_width->setRange(400, 8000);
    m_width->setSuffix(" px");
    m_width->setValue(s.value("export/width", 1600).toInt());
    m_width->setToolTip(tr("Width of the image (points in a PDF)"));
    m_height = new QSpinBox(this);
    m_height->setRange(200, 4000);
    m_height->setSuffix(" px");
    m_height->setValue(s.value("export/chartHeight", 420).toInt());
    m_height->setToolTip(tr("Height of each chart; a view with several zones stacks one chart per zone"));
    form->addRow(tr("Width"), m_width);
    form->addRow(tr("Height per chart"), m_height);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString ExportDialog::path() const { return m_path->text().trimmed(); }
QSize ExportDialog::chartSize() const { return {m_width->value(), m_height->value()}; }

void ExportDialog::browse() {
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, windowTitle(), this->path(),
                                                tr("PNG images (*.png);;PDF documents (*.pdf);;SVG drawings (*.svg)"), &selected);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected.contains("pdf") ? ".pdf" : selected.contains("svg") ? ".svg" : ".png";
    m_path->setText(path);
}

void ExportDialog::accept() {
    const QString ext = QFileInfo(path()).suffix().toLower();
    if (ext != "png" && ext != "pdf" && ext != "svg") {
        QMessageBox::warning(this, windowTitle(), tr("%1: the file name must end in .png, .pdf or .svg.").arg(path()));
        return;
    }
    QSettings s;
    s.setValue("export/dir", QFileInfo(path()).absolutePath());
    s.setValue("export/format", ext);
    s.setValue("export/width", m_width->value());
    s.setValue("export/chartHeight", m_height->value());
    QDialog::accept();
}
