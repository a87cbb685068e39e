#include "LoadProgress.h"

#include "ScenarioLoader.h"
#include "util/units.h"

#include <QProgressBar>
#include <QProgressDialog>

#include <algorithm>

namespace {
constexpr int kRefreshMs = 100;
} // namespace

LoadProgress::LoadProgress(ScenarioLoader* loader, QWidget* window) : QObject(window), m_loader(loader), m_window(window) {
    m_showTimer.setSingleShot(true);
    connect(&m_showTimer, &QTimer::timeout, this, &LoadProgress::show);
    m_refreshTimer.setInterval(kRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &LoadProgress::refresh);
}

LoadProgress::~LoadProgress() { delete m_dialog; }

void LoadProgress::begin() {
    // A second load replaces the first: the dialog, if shown, stays and shows the new one.
    if (!m_dialog) m_showTimer.start(m_showAfterMs);
}

void LoadProgress::end() {
    m_showTimer.stop();
    m_refreshTimer.stop();
    // Not deleted here: end() runs in the loader's signal, maybe from the dialog's own Cancel.
    if (m_dialog) {
        m_dialog->hide();
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
}

void LoadProgress::show() {
    if (!m_loader->busy()) return;
    // Made only now: a QProgressDialog that exists starts its own timer to show itself.
    m_dialog = new QProgressDialog(m_window);
    m_dialog->setObjectName("loadProgress");
    m_dialog->setWindowTitle(tr("Loading scenario"));
    m_dialog->setWindowModality(Qt::WindowModal); // the window waits; other windows do not
    m_dialog->setAutoReset(false);
    m_dialog->setAutoClose(false);
    m_dialog->setMinimumDuration(0);
    m_dialog->setMinimumWidth(420);
    // Our own bar, set directly: QProgressDialog::setValue() of a modal dialog runs a nested
    // event loop (processEvents), in which the load's result could end the dialog under it.
    m_bar = new QProgressBar(m_dialog);
    m_dialog->setBar(m_bar);
    // Cancel (the button, Esc or closing the dialog) asks the load to stop; the loader's
    // finished signal (cancelled) then ends the dialog.
    connect(m_dialog, &QProgressDialog::canceled, m_loader, &ScenarioLoader::cancel);
    refresh();
    m_dialog->show();
    m_refreshTimer.start();
}

void LoadProgress::refresh() {
    if (!m_dialog) return;
    const rs::LoadControl::Progress p = m_loader->progress();
    m_dialog->setLabelText(label(p));
    if (p.size == 0) {
        m_bar->setRange(0, 0); // busy: the size is not known
        return;
    }
    // In KiB, so a 2 TiB file still fits an int.
    m_bar->setRange(0, static_cast<int>(std::min<std::uint64_t>(p.size >> 10, INT32_MAX)));
    m_bar->setValue(static_cast<int>(std::min<std::uint64_t>(std::min(p.bytes, p.size) >> 10, INT32_MAX)));
}

QString LoadProgress::label(const rs::LoadControl::Progress& p) {
    if (p.file.empty()) return tr("Reading…");
    QString text = tr("Reading %1: %2").arg(QString::fromStdString(p.file), QString::fromStdString(rs::format_size(p.bytes)));
    if (p.size > 0) text = tr("Reading %1: %2 of %3").arg(QString::fromStdString(p.file), QString::fromStdString(rs::format_size(p.bytes)), QString::fromStdString(rs::format_size(p.size)));
    return text;
}
