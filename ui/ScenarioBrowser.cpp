#include "ScenarioBrowser.h"

#include "Language.h"
#include "scenario/builtin.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
enum Role { KindRole = Qt::UserRole, KeyRole, TitleRole, TextRole, OtherRole };

std::string lang() { return language::current().toStdString(); }

// The scenario's text in the other language under the interface's: the English original under
// the 简体中文 (the kernel's documentation is English), the 简体中文 under the English when the
// scenario has one (the chapter's readers find its terms).
QString otherLanguageHtml(const rs::LocalizedText& title, const rs::LocalizedText& text) {
    const bool chinese = lang() == "zh_CN";
    if (!chinese && title.zh_CN.empty() && text.zh_CN.empty()) return {};
    const char* other = chinese ? "en" : "zh_CN";
    return QString("<hr><h3 lang='%3'>%1</h3><p lang='%3'>%2</p>")
        .arg(QString::fromStdString(title.in(other)).toHtmlEscaped(),
             QString::fromStdString(text.in(other)).toHtmlEscaped(), chinese ? "en" : "zh-CN");
}
enum Kind { Builtin, Recent, Header };
} // namespace

ScenarioBrowser::ScenarioBrowser(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_list = new QListWidget(this);
    m_list->setToolTip(tr("Built-in scenarios (the seed chapter's experiments and more) and the scenario files "
                       "you opened recently. Double-click or Load to start one."));
    m_list->setAccessibleName("scenarios");
    layout->addWidget(m_list, 3);
    m_details = new QTextBrowser(this);
    m_details->setOpenExternalLinks(false);
    layout->addWidget(m_details, 2);
    auto* buttons = new QHBoxLayout;
    m_load = new QPushButton(tr("Load"), this);
    m_load->setToolTip(tr("Start the chosen scenario from time 0 (the running one stops)"));
    auto* open = new QPushButton(tr("Open File…"), this);
    open->setToolTip(tr("Load a scenario file (JSON, docs/scenario-format.md); Ctrl+O"));
    buttons->addWidget(m_load);
    buttons->addWidget(open);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_preview = new ScenarioLoader(this);
    connect(m_preview, &ScenarioLoader::finished, this,
            [this](const QString& path, const ScenarioResultPtr& result, bool cancelled) {
                if (!cancelled) showPreview(path, result);
            });

    for (const auto& b : rs::builtin_scenarios()) {
        const QString title = QString::fromStdString(b.title.in(lang()));
        auto* item = new QListWidgetItem(title, m_list);
        item->setData(KindRole, Builtin);
        item->setData(KeyRole, QString::fromStdString(b.name));
        item->setData(TitleRole, title);
        item->setData(TextRole, QString::fromStdString(b.explanation.in(lang())));
        item->setData(OtherRole, otherLanguageHtml(b.title, b.explanation));
        item->setToolTip(QString::fromStdString(b.name));
        ++m_builtinCount;
    }
    refreshRecent();
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* now) { showDetails(now); });
    connect(m_list, &QListWidget::itemActivated, this, &ScenarioBrowser::activate);
    connect(m_load, &QPushButton::clicked, this, [this] { activate(m_list->currentItem()); });
    connect(open, &QPushButton::clicked, this, &ScenarioBrowser::openFileRequested);
    if (m_list->count()) m_list->setCurrentRow(0);
}

void ScenarioBrowser::refreshRecent() {
    while (m_list->count() > m_builtinCount) delete m_list->takeItem(m_builtinCount);
    const QStringList recent = QSettings().value("scenarios/recent").toStringList();
    if (recent.isEmpty()) return;
    auto* header = new QListWidgetItem(tr("Recent files"), m_list);
    header->setFlags(Qt::NoItemFlags);
    QFont f = header->font();
    f.setBold(true);
    header->setFont(f);
    header->setData(KindRole, Header);
    for (const QString& path : recent) {
        auto* item = new QListWidgetItem(QFileInfo(path).fileName(), m_list);
        item->setData(KindRole, Recent);
        item->setData(KeyRole, path);
        item->setToolTip(path);
    }
}

void ScenarioBrowser::setCurrent(const QString& title) {
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item->data(KindRole).toInt() == Header) continue;
        QFont f = item->font();
        f.setBold(item->data(TitleRole).toString() == title);
        item->setFont(f);
    }
}

QString ScenarioBrowser::details() const { return m_details->toPlainText(); }

void ScenarioBrowser::showDetails(QListWidgetItem* item) {
    m_preview->cancel(); // the preview of the item left, if it is still being read
    m_load->setEnabled(item && item->data(KindRole).toInt() != Header);
    if (!item) {
        m_details->clear();
        return;
    }
    if (item->data(KindRole).toInt() == Builtin) {
        m_details->setHtml(QString("<h3>%1</h3><p>%2</p>%3<p><i>%4</i></p>")
                               .arg(item->data(TitleRole).toString().toHtmlEscaped(),
                                    item->data(TextRole).toString().toHtmlEscaped(),
                                    item->data(OtherRole).toString(),
                                    tr("built-in: %1").arg(item->data(KeyRole).toString())));
        return;
    }
    // A recent file: read it now, so a file that changed or vanished says so before loading;
    // off the UI thread (it may scan a large trace). Choosing another item cancels this read.
    const QString path = item->data(KeyRole).toString();
    m_details->setHtml(QString("<h3>%1</h3><p><i>%2</i></p>").arg(QFileInfo(path).fileName().toHtmlEscaped(), tr("Reading…")));
    m_preview->start(path);
}

void ScenarioBrowser::showPreview(const QString& path, const ScenarioResultPtr& result) {
    // A late answer for an item that is no longer the chosen one is dropped.
    QListWidgetItem* item = m_list->currentItem();
    if (!item || item->data(KindRole).toInt() != Recent || item->data(KeyRole).toString() != path) return;
    if (!*result) {
        m_details->setHtml(QString("<h3>%1</h3><p style='color:#c0392b'>%2</p>")
                               .arg(QFileInfo(path).fileName().toHtmlEscaped(),
                                    QString::fromStdString(result->error()).toHtmlEscaped()));
        return;
    }
    const rs::Scenario& sc = result->value();
    item->setData(TitleRole, QString::fromStdString(sc.title.in(lang())));
    m_details->setHtml(QString("<h3>%1</h3><p>%2</p>%3<p><i>%4</i></p>")
                           .arg(QString::fromStdString(sc.title.in(lang())).toHtmlEscaped(),
                                QString::fromStdString(sc.explanation.in(lang())).toHtmlEscaped(),
                                otherLanguageHtml(sc.title, sc.explanation), path.toHtmlEscaped()));
}

void ScenarioBrowser::activate(QListWidgetItem* item) {
    if (!item) return;
    switch (item->data(KindRole).toInt()) {
    case Builtin: emit builtinRequested(item->data(KeyRole).toString()); break;
    case Recent: emit fileRequested(item->data(KeyRole).toString()); break;
    default: break;
    }
}
